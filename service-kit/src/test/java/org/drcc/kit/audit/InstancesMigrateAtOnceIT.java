package org.drcc.kit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.drcc.engines.Engines;
import org.drcc.kit.privacy.Keyring;
import org.drcc.testsupport.WithEngines;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several instances of a service started together ({@code ./dr up --instances 2}, a deployment's replicas) each run
 * the kit's migrations on the same database. Flyway holds its lock for the versioned migrations only; its
 * {@code afterMigrate} callbacks (the audit trail's functions and triggers, ShedLock's table) ran side by side, and
 * PostgreSQL refuses two transactions replacing the same function at once ("tuple concurrently updated"): an
 * instance failed to start. Each round here starts four at once, on a fresh database and again on a migrated one; the
 * keyring that every service shares is migrated by four at once as well.
 */
@WithEngines(database = "incident")
class InstancesMigrateAtOnceIT {

    private static final int INSTANCES = 4;
    private static final int ROUNDS = 3;

    @Test
    void fourInstancesMigratingOneDatabaseAtOnceAllStartAndTheTrailIsWhole(Engines engines) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            DataSource db = engines.postgres().newDatabase("migrate");
            migrateAtOnce(db); // a first start
            migrateAtOnce(db); // a restart: nothing to migrate, the callbacks run again

            JdbcClient sql = JdbcClient.create(db);
            assertThat(appliedOnceEach(sql, "flyway_schema_history")).as("each migration applied once").isTrue();
            assertThat(sql.sql("SELECT count(*) FROM pg_trigger WHERE tgname = 'domain_event_queued'")
                    .query(Long.class).single()).as("the trail's queue trigger").isEqualTo(1);
            assertThat(sql.sql("SELECT count(*) FROM event_chain_head").query(Long.class).single())
                    .as("the chain's one head row").isEqualTo(1);
            assertThat(sql.sql("SELECT to_regclass('shedlock') IS NOT NULL").query(Boolean.class).single())
                    .as("ShedLock's table").isTrue();
        }
    }

    @Test
    void fourInstancesMigratingTheKeyringAllServicesShareAtOnceAllStart(Engines engines) throws Exception {
        DataSource db = engines.postgres().newDatabase("keyring");
        atOnce(() -> Keyring.migrate(db)); // its own schema, created by Flyway
        atOnce(() -> Keyring.migrate(db));
        assertThat(appliedOnceEach(JdbcClient.create(db), "keyring.flyway_schema_history"))
                .as("each migration applied once").isTrue();
    }

    /** Every versioned migration in the history succeeded, once (and there is at least one). */
    private static boolean appliedOnceEach(JdbcClient sql, String history) {
        return sql.sql("SELECT count(*) > 0 AND count(*) = count(DISTINCT version) AND bool_and(success) FROM "
                + history + " WHERE type = 'SQL'").query(Boolean.class).single();
    }

    private static void migrateAtOnce(DataSource db) throws Exception {
        atOnce(() -> Flyway.configure().dataSource(db)
                .locations("classpath:db/kit", "classpath:db/axon", "classpath:db/audit").load().migrate());
    }

    private static void atOnce(Runnable migration) throws Exception {
        ExecutorService instances = Executors.newFixedThreadPool(INSTANCES);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> started = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            started.add(instances.submit(() -> {
                go.await();
                migration.run();
                return null;
            }));
        }
        go.countDown();
        try {
            for (Future<?> instance : started) {
                instance.get(2, TimeUnit.MINUTES); // throws what an instance's migration threw
            }
        } finally {
            instances.shutdownNow();
        }
    }
}
