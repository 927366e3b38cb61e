package org.drcc.kit.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

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
        Handle handle = usedInATransaction(DefaultUnitOfWork::commit);
        assertThat(handle.commits).isEqualTo(1);
        assertThat(handle.closes).as("closed by the transaction, and not again by the clean-up").isEqualTo(1);
    }

    @Test
    void aRolledBackUnitOfWorkLeavesTheClosingToItsTransaction() throws Exception {
        Handle handle = usedInATransaction(DefaultUnitOfWork::rollback);
        assertThat(handle.commits).isZero();
        assertThat(handle.closes).as("closed by the rollback, and not again by the clean-up").isEqualTo(1);
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

    /**
     * A unit of work in a Spring transaction (Axon's {@link SpringTransactionManager}, as the services run it) that
     * takes a connection twice, as Axon's JDBC code does (one for each statement, closed at once), and then ends with
     * {@code ending}; the pool's one handle.
     */
    private Handle usedInATransaction(Consumer<DefaultUnitOfWork<?>> ending) throws Exception {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            unitOfWork.attachTransaction(new SpringTransactionManager(new DataSourceTransactionManager(pool)));
            for (int i = 0; i < 2; i++) {
                try (Connection connection = provider.getConnection()) {
                    assertThat(connection.getAutoCommit()).as("in the transaction").isFalse();
                }
            }
            ending.accept(unitOfWork);
        } finally {
            end(unitOfWork);
        }
        assertThat(pool.handles).hasSize(1);
        return pool.handles.get(0);
    }

    /** A failed assertion must not leave the unit of work, or Spring's transaction, bound to the thread. */
    private static void end(DefaultUnitOfWork<?> unitOfWork) {
        if (unitOfWork.isActive()) {
            unitOfWork.rollback();
        }
    }

    /** A pool's handles as Hikari gives them: each one counts its commits and closes, a close of a closed one too. */
    private static final class Handles extends AbstractDataSource {

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
    }

    private static final class Handle {
        boolean autoCommit = true;
        boolean closed;
        int commits;
        int closes;
    }
}
