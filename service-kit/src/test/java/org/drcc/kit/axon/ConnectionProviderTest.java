package org.drcc.kit.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * The event store's connections, as a command's unit of work uses them: Spring's transaction gives the connection
 * back to the pool when it commits, and the unit of work's clean-up after it must not close that handle again (with
 * Hikari, a second close clears the open statements of whichever thread has borrowed the connection since).
 */
class ConnectionProviderTest {

    private final Handles pool = new Handles();
    private final ConnectionProvider provider = new ConnectionProviderAutoConfiguration().connectionProvider(pool);

    @Test
    void aCommittedUnitOfWorkLeavesTheClosingToItsTransaction() throws Exception {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            unitOfWork.attachTransaction(springTransactions(new DataSourceTransactionManager(pool)));
            useTwice();
            unitOfWork.commit();
        } finally {
            end(unitOfWork);
        }
        assertThat(pool.handles).hasSize(1);
        assertThat(pool.handles.get(0).commits).isEqualTo(1);
        assertThat(pool.handles.get(0).closes).as("closed by the transaction, and not again by the clean-up")
                .isEqualTo(1);
    }

    @Test
    void aRolledBackUnitOfWorkLeavesTheClosingToItsTransaction() throws Exception {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            unitOfWork.attachTransaction(springTransactions(new DataSourceTransactionManager(pool)));
            useTwice();
            unitOfWork.rollback();
        } finally {
            end(unitOfWork);
        }
        assertThat(pool.handles).hasSize(1);
        assertThat(pool.handles.get(0).commits).isZero();
        assertThat(pool.handles.get(0).closes).as("closed by the rollback, and not again by the clean-up")
                .isEqualTo(1);
    }

    @Test
    void aUnitOfWorkWithoutATransactionUsesOneConnectionAndGivesItBackOnce() throws Exception {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            try (Connection connection = provider.getConnection()) {
                connection.setAutoCommit(false);
            }
            try (Connection again = provider.getConnection()) {
                assertThat(again.getAutoCommit()).as("the unit of work's own connection").isFalse();
            }
            unitOfWork.commit();
        } finally {
            end(unitOfWork);
        }
        assertThat(pool.handles).as("one connection for the whole unit of work").hasSize(1);
        assertThat(pool.handles.get(0).commits).as("committed by the unit of work").isEqualTo(1);
        assertThat(pool.handles.get(0).closes).as("given back by the clean-up, once").isEqualTo(1);
    }

    @Test
    void outsideATransactionEachConnectionIsGivenBackWhenClosed() throws Exception {
        try (Connection connection = provider.getConnection()) {
            assertThat(connection.getAutoCommit()).isTrue();
        }
        assertThat(pool.handles).hasSize(1);
        assertThat(pool.handles.get(0).closes).isEqualTo(1);
    }

    /** As Axon's JDBC code does: a connection taken for each statement and closed at once. */
    private void useTwice() throws Exception {
        for (int i = 0; i < 2; i++) {
            try (Connection connection = provider.getConnection()) {
                assertThat(connection.getAutoCommit()).as("in the transaction").isFalse();
            }
        }
    }

    /** A failed assertion must not leave the unit of work, or Spring's transaction, bound to the thread. */
    private static void end(DefaultUnitOfWork<?> unitOfWork) {
        if (unitOfWork.isActive()) {
            unitOfWork.rollback();
        }
    }

    private static TransactionManager springTransactions(DataSourceTransactionManager spring) {
        return () -> {
            TransactionStatus status = spring.getTransaction(new DefaultTransactionDefinition());
            return new Transaction() {
                @Override
                public void commit() {
                    spring.commit(status);
                }

                @Override
                public void rollback() {
                    spring.rollback(status);
                }
            };
        };
    }

    /** A pool's handles as Hikari gives them: each one counts its commits and closes, a close of a closed one too. */
    private static final class Handles implements DataSource {

        final List<Handle> handles = new ArrayList<>();

        @Override
        public Connection getConnection() {
            Handle handle = new Handle();
            handles.add(handle);
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getAutoCommit" -> handle.autoCommit;
                        case "setAutoCommit" -> {
                            handle.autoCommit = (Boolean) args[0];
                            yield null;
                        }
                        case "commit" -> {
                            handle.commits++;
                            yield null;
                        }
                        case "close" -> {
                            handle.closes++;
                            handle.closed = true;
                            yield null;
                        }
                        case "isClosed" -> handle.closed;
                        case "isReadOnly", "isWrapperFor" -> false;
                        case "getTransactionIsolation" -> Connection.TRANSACTION_READ_COMMITTED;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "handle";
                        default -> null;
                    });
        }

        @Override
        public Connection getConnection(String username, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            return null;
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }

    private static final class Handle {
        boolean autoCommit = true;
        boolean closed;
        int commits;
        int closes;
    }
}
