package org.drcc.kit.axon;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.ConnectionWrapperFactory;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The connections Axon's event store and token store use: those of the Spring transaction in progress, as Axon's
 * Spring Boot configuration gives them, except that a connection the transaction has already given back to the pool
 * is not closed a second time.
 *
 * <p>Axon keeps the connection a unit of work used among its resources and closes it when the unit of work cleans
 * up, after the commit. By then Spring's transaction has committed and handed the connection back to Hikari, and
 * another thread may have borrowed the same physical connection. Closing the stale handle again is harmless to the
 * connection, but Hikari's {@code close()} first clears the list of open statements, and that list belongs to the
 * physical connection, shared by every handle made for it: the other thread's statements vanish from it while it
 * uses them. Measured: two commands in about 24,000 of a notification burst failed at once with an
 * {@code ArrayIndexOutOfBoundsException} in Hikari's {@code FastList}, and a message the receiver had got was then
 * recorded failed. A rolled-back unit of work closed its connection twice the same way. Axon's Spring provider cannot be told to skip it (its close handler is not public), so this one
 * does what it does and asks first whether the connection is still open ({@link ConnectionProviderTest}).
 */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        beforeName = "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration")
@ConditionalOnClass(ConnectionProvider.class)
public class ConnectionProviderAutoConfiguration {

    @Bean
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnMissingBean(ConnectionProvider.class)
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new TransactionConnections(dataSource));
    }

    /** The Spring transaction's connection, released once: a handle already closed is left alone. */
    static final class TransactionConnections implements ConnectionProvider {

        private final DataSource dataSource;

        TransactionConnections(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return ConnectionWrapperFactory.wrap(DataSourceUtils.doGetConnection(dataSource),
                    new ConnectionWrapperFactory.ConnectionCloseHandler() {
                        @Override
                        public void close(Connection connection) {
                            if (!closed(connection)) {
                                DataSourceUtils.releaseConnection(connection, dataSource);
                            }
                        }

                        @Override
                        public void commit(Connection connection) throws SQLException {
                            if (!DataSourceUtils.isConnectionTransactional(connection, dataSource)) {
                                connection.commit(); // outside a transaction, as Axon's own provider does
                            }
                        }
                    });
        }

        private static boolean closed(Connection connection) {
            try {
                return connection.isClosed();
            } catch (SQLException e) {
                return false; // unknown: released as Axon would
            }
        }
    }
}
