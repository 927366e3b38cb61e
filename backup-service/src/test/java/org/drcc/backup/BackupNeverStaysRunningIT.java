package org.drcc.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MessageHandlerInterceptorSupport;
import org.drcc.backup.command.FailBackupCommand;
import org.drcc.backup.command.FailRestoreCommand;
import org.drcc.backup.command.StartBackupCommand;
import org.drcc.backup.command.StartRestoreCommand;
import org.drcc.backup.job.StaleBackupSweep;
import org.drcc.contract.backup.PointInTimeRestoreStartedEvent;
import org.drcc.engines.Buckets;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A backup never stays RUNNING, which would refuse every later backup of its database (nor does a restore, which
 * would refuse every later restore into its database): a failure that
 * cannot be recorded at first (the service's database down, simulated by refusing the command) is
 * recorded once it can, and a backup nobody runs any more is failed by the stale-backup sweep. Each
 * time, the proof is the next backup of the database starting.
 */
@WithEngines(database = "backup")
// short lease and first retry: the tests wait for an orphan to be seen and for a failure recorded on its fourth try
// (1 + 2 + 4 s by default; the same doubling from 100 ms here)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dr.backup.scheduling-enabled=false", "dr.backup.instance-lease=PT2S",
                "dr.backup.failure-retry.first-delay=PT0.1S"})
class BackupNeverStaysRunningIT {

    /** How many FailBackupCommands still meet an unreachable database; each one that does is counted. */
    static final AtomicInteger OUTAGES = new AtomicInteger();
    static final AtomicInteger REFUSED = new AtomicInteger();

    @TestConfiguration
    static class DatabaseOutage {

        @Bean
        @SuppressWarnings("unchecked")
        Registration failBackupMeetsAnOutage(CommandBus bus) {
            return ((MessageHandlerInterceptorSupport<CommandMessage<?>>) bus).registerHandlerInterceptor(
                    (unitOfWork, chain) -> {
                        if (unitOfWork.getMessage().getPayload() instanceof FailBackupCommand
                                && OUTAGES.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                            REFUSED.incrementAndGet();
                            throw new DataAccessResourceFailureException("simulated: the backup database is down");
                        }
                        return chain.proceed();
                    });
        }
    }

    /** Protected databases that do not exist on the server: every dump of them fails. */
    @DynamicPropertySource
    static void missingDatabases(DynamicPropertyRegistry registry) {
        for (String name : new String[] {"unreachable", "abandoned", "orphaned", "elsewhere"}) {
            registry.add("dr.backup.databases." + name + ".url",
                    () -> System.getProperty("spring.datasource.url").replaceAll("/backup$", "/no_such_db"));
        }
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    CommandGateway commands;

    @Autowired
    StaleBackupSweep sweep;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventGateway events;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aFailureThatCannotBeRecordedAtFirstIsRecordedWhenTheDatabaseIsBackAndTheNextBackupStarts() {
        BackupApi api = new BackupApi(http, "fiona");
        OUTAGES.set(3);
        REFUSED.set(0);

        Map<String, Object> failed = api.await(api.start("unreachable"), b -> !"RUNNING".equals(b.get("status")));

        assertThat(failed).containsEntry("status", "FAILED");
        assertThat((String) failed.get("failure")).contains("no_such_db");
        assertThat(REFUSED).as("the first three attempts met the outage").hasValue(3);
        String next = api.start("unreachable");
        assertThat(next).isNotEqualTo(failed.get("backupId"));
        assertThat(api.await(next, b -> !"RUNNING".equals(b.get("status")))).containsEntry("status", "FAILED");
    }

    @Test
    void aBackupLeftRunningLongerThanStaleAfterIsFailedByTheSweepAndTheNextBackupStarts() {
        BackupApi api = new BackupApi(http, "sam");
        String lost = UUID.randomUUID().toString();
        Instant sevenHoursAgo = Instant.now().minus(Duration.ofHours(7));
        commands.sendAndWait(new StartBackupCommand(lost, "abandoned", Buckets.PRIMARY,
                "abandoned/" + lost + ".dump", "an-instance-that-died", sevenHoursAgo));
        assertThat(api.post("/api/backups", "{\"database\": \"abandoned\"}").getStatusCode())
                .as("blocked while it is RUNNING").isEqualTo(HttpStatus.CONFLICT);

        assertThat(sweep.sweep()).contains(lost);

        Map<String, Object> failed = api.await(lost, b -> !"RUNNING".equals(b.get("status")));
        assertThat(failed).containsEntry("status", "FAILED");
        assertThat((String) failed.get("failure")).contains("dr.backup.stale-after").contains("no job runs it");
        String next = api.start("abandoned");
        assertThat(api.await(next, b -> !"RUNNING".equals(b.get("status")))).containsEntry("status", "FAILED");
    }

    /**
     * A restore whose instance was killed while it ran is failed by this one within a lease, as a backup is, and its
     * database takes a restore again. (The query of running restores did not map its rows, so it was never failed.)
     */
    @Test
    void aRestoreOfAnInstanceWhoseLeaseRanOutIsFailedAndItsDatabaseTakesARestoreAgain() {
        BackupApi api = new BackupApi(http, "rita");
        String backupId = (String) api.backUp("foodtruck").get("backupId");
        api.verify(backupId);
        String target = "orphan_" + UUID.randomUUID().toString().substring(0, 8);
        String killed = UUID.randomUUID().toString();
        // a live instance that runs the restore, until the test lets its lease run out below (as when it is killed)
        jdbc.sql("INSERT INTO instance_lease VALUES ('killed-restorer', now() + interval '1 hour') "
                + "ON CONFLICT (instance_id) DO UPDATE SET expires_at = excluded.expires_at").update();
        jdbc.sql("INSERT INTO job_owner (job_id, instance_id) VALUES (?, 'killed-restorer')").param(killed).update();
        commands.sendAndWait(new StartRestoreCommand(backupId, killed, target, false, false, "rita", Instant.now()));
        assertThat(api.post("/api/backups/" + backupId + "/restore", "{\"targetDatabase\": \"" + target + "\"}")
                .getStatusCode()).as("refused while it is RUNNING").isEqualTo(HttpStatus.CONFLICT);
        jdbc.sql("UPDATE instance_lease SET expires_at = now() - interval '1 second' WHERE instance_id = 'killed-restorer'")
                .update();

        Map<String, Object> done = api.await(backupId, b -> BackupApi.list(b.get("restores")).stream()
                .noneMatch(r -> "RUNNING".equals(r.get("status"))));

        assertThat(BackupApi.list(done.get("restores"))).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("restoreId", killed).containsEntry("status", "FAILED")
                .satisfies(f -> assertThat((String) f.get("failure")).contains("instance running it stopped")));
        assertThat(api.post("/api/backups/" + backupId + "/restore", "{\"targetDatabase\": \"" + target + "\"}")
                .getStatusCode()).as("taken once the orphan is failed").isEqualTo(HttpStatus.ACCEPTED);
        api.awaitRestore(backupId, target);

        // one that no instance is recorded to run (its record went with a lease that ran out a day ago, say) too
        String unowned = UUID.randomUUID().toString();
        commands.sendAndWait(new StartRestoreCommand(backupId, unowned, "unowned_" + unowned.substring(0, 8), false,
                false, "rita", Instant.now()));
        Map<String, Object> failed = api.await(backupId, b -> BackupApi.list(b.get("restores")).stream()
                .anyMatch(r -> unowned.equals(r.get("restoreId")) && !"RUNNING".equals(r.get("status"))));
        assertThat(BackupApi.list(failed.get("restores"))).filteredOn(r -> unowned.equals(r.get("restoreId")))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("status", "FAILED"));
    }

    /**
     * A restore to the end of the archive whose instance was killed while it ran (on the day the protected server is
     * lost, backup-service is restarted often): failed within a lease, the copy it was making under a name of its own
     * dropped, and its target taken by a restore again. One to an instant that no instance is recorded to run is
     * failed too, naming its target, which may hold part of its copy.
     */
    @Test
    void aRestoreToAnInstantOfAnInstanceWhoseLeaseRanOutIsFailedAndItsCopyDropped() throws Exception {
        BackupApi api = new BackupApi(http, "rita");
        String killed = UUID.randomUUID().toString();
        String copy = "pitr_restoring_" + killed.substring(0, 8);
        String target = "lost_" + killed.substring(0, 8);
        jdbc.sql("INSERT INTO instance_lease VALUES ('killed-pitr', now() + interval '1 hour') "
                + "ON CONFLICT (instance_id) DO UPDATE SET expires_at = excluded.expires_at").update();
        jdbc.sql("INSERT INTO job_owner (job_id, instance_id) VALUES (?, 'killed-pitr')").param(killed).update();
        transactions.executeWithoutResult(s -> events.publish(new PointInTimeRestoreStartedEvent(killed, "foodtruck",
                target, Instant.now(), true, "rita", Instant.now())));
        try (var c = BackupApi.connect("postgres"); var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + copy);
        }
        String body = "{\"database\": \"foodtruck\", \"toEndOfArchive\": true, \"targetDatabase\": \"" + target + "\"}";
        var refused = api.post("/api/restores", body);
        assertThat(refused.getStatusCode()).as("refused while it is RUNNING").isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) refused.getBody().get("detail")).contains("a restore into " + target + " is running");
        jdbc.sql("UPDATE instance_lease SET expires_at = now() - interval '1 second' WHERE instance_id = 'killed-pitr'")
                .update();

        Map<String, Object> failed = awaitRestore(killed);
        assertThat(failed).containsEntry("status", "FAILED").containsEntry("toEndOfArchive", true);
        assertThat((String) failed.get("failure")).contains("instance running it stopped");
        // dropped once the failure is recorded (it is kept when the restore turns out to have ended meanwhile)
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (BackupApi.databaseExists(copy)) {
            assertThat(System.nanoTime()).as("the copy it was making, dropped").isLessThan(deadline);
            Thread.sleep(200);
        }
        // it ends once: an outcome arriving late from the instance thought dead is refused, not stored
        int outcomes = jdbc.sql("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%PointInTimeRestoredEvent'")
                .query(Integer.class).single();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> transactions.executeWithoutResult(s -> events.publish(
                new org.drcc.contract.backup.PointInTimeRestoredEvent(killed, "foodtruck", target, Instant.now(),
                        Instant.now(), "20261205-000000F", "primary", 1, 1L, 5, java.util.List.of(), "rita",
                        Instant.now())))).hasStackTraceContaining("ended already");
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%PointInTimeRestoredEvent'")
                .query(Integer.class).single()).as("the refused outcome is not stored").isEqualTo(outcomes);
        assertThat(awaitRestore(killed)).containsEntry("status", "FAILED");

        // one whose copy was counted and checked already: the copy is kept, and named, not dropped
        String counted = UUID.randomUUID().toString();
        String countedCopy = "pitr_restoring_" + counted.substring(0, 8);
        transactions.executeWithoutResult(s -> events.publish(new PointInTimeRestoreStartedEvent(counted, "foodtruck",
                "kept_" + counted.substring(0, 8), Instant.now(), true, "rita", Instant.now())));
        try (var c = BackupApi.connect("postgres"); var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + countedCopy);
            st.execute("COMMENT ON DATABASE " + countedCopy + " IS 'drcc: a restore''s copy, counted and checked'");
        }
        Map<String, Object> kept = awaitRestore(counted);
        assertThat((String) kept.get("failure")).contains("is kept as " + countedCopy);
        assertThat(BackupApi.databaseExists(countedCopy)).as("hours of restore kept").isTrue();
        try (var c = BackupApi.connect("postgres"); var st = c.createStatement()) {
            st.execute("DROP DATABASE " + countedCopy);
        }
        var taken = api.post("/api/restores", body);
        assertThat(taken.getStatusCode()).as("taken once the orphan is failed").isIn(HttpStatus.ACCEPTED);
        awaitRestore((String) taken.getBody().get("restoreId"));
        try (var c = BackupApi.connect("postgres"); var st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + target + " WITH (FORCE)");
        }

        String unowned = UUID.randomUUID().toString();
        transactions.executeWithoutResult(s -> events.publish(new PointInTimeRestoreStartedEvent(unowned, "foodtruck",
                "at_" + unowned.substring(0, 8), Instant.now().minusSeconds(60), false, "rita", Instant.now())));
        Map<String, Object> unownedFailed = awaitRestore(unowned);
        assertThat(unownedFailed).containsEntry("status", "FAILED");
        assertThat((String) unownedFailed.get("failure")).contains("instance running it stopped",
                "at_" + unowned.substring(0, 8) + " may hold part of the copy");
    }

    /**
     * One base backup at a time across the service's instances, and one left by an instance that stopped does not
     * block the next for good: while another live instance holds the claim, a base backup is refused (409, naming it);
     * once that instance's lease ran out, the orphans' sweep records it failed (naming why, and what to do) and the
     * claim is gone.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aBaseBackupOfAnInstanceWhoseLeaseRanOutIsFailedAndNoLongerHoldsTheNext() throws Exception {
        BackupApi api = new BackupApi(http, "basil");
        String killed = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO instance_lease VALUES ('killed-base', now() + interval '1 hour') "
                + "ON CONFLICT (instance_id) DO UPDATE SET expires_at = excluded.expires_at").update();
        jdbc.sql("INSERT INTO job_owner (job_id, instance_id) VALUES (?, 'killed-base')").param(killed).update();
        jdbc.sql("INSERT INTO base_backup_running (database_name, backup_id) VALUES ('foodtruck', ?)").param(killed)
                .update();
        try {
            var refused = api.post("/api/base-backups", "{}");
            assertThat(refused.getStatusCode()).as("another instance's base backup runs")
                    .isEqualTo(HttpStatus.CONFLICT);
            assertThat((String) refused.getBody().get("detail"))
                    .contains("running on another backup-service instance", killed);
        } finally {
            // the other instance stops (and, should an assertion above fail, its claim holds no later test)
            jdbc.sql("UPDATE instance_lease SET expires_at = now() - interval '1 second' "
                    + "WHERE instance_id = 'killed-base'").update();
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, Object> failed = null;
        while (failed == null) {
            List<Map<String, Object>> rows = http.exchange("/api/base-backups?limit=1000",
                    org.springframework.http.HttpMethod.GET, null,
                    new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {
                    }).getBody();
            failed = rows.stream().filter(r -> killed.equals(r.get("backupId"))).findFirst().orElse(null);
            if (failed == null) {
                assertThat(System.nanoTime()).as("the interrupted base backup recorded").isLessThan(deadline);
                Thread.sleep(200);
            }
        }
        assertThat(failed).containsEntry("status", "FAILED").containsEntry("repository", "-");
        assertThat((String) failed.get("failure")).contains("instance running it stopped", "dr backup base");
        assertThat(jdbc.sql("SELECT count(*) FROM base_backup_running").query(Integer.class).single())
                .as("its claim, gone: the next base backup may start").isZero();
    }

    /** The restore to an instant once it is no longer RUNNING. */
    private Map<String, Object> awaitRestore(String restoreId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            Map<String, Object> restore = http.exchange("/api/restores/" + restoreId,
                    org.springframework.http.HttpMethod.GET, null, BackupApi.JSON).getBody();
            if (!"RUNNING".equals(restore.get("status"))) {
                return restore;
            }
            assertThat(System.nanoTime()).as("waiting for restore %s: %s", restoreId, restore).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    /**
     * No backup of a database while a restore over it runs (the dump would hold it half restored, and verify): the
     * backup is refused with a 409 naming the restore, and taken once the restore ended.
     */
    @Test
    void noBackupOfADatabaseWhileARestoreOverItRuns() {
        BackupApi api = new BackupApi(http, "uma");
        String backupId = (String) api.backUp("foodtruck").get("backupId");
        api.verify(backupId);
        String restoreId = UUID.randomUUID().toString();
        // run by another instance that is alive for the whole test
        jdbc.sql("INSERT INTO instance_lease VALUES ('restoring-instance', now() + interval '1 hour') "
                + "ON CONFLICT (instance_id) DO UPDATE SET expires_at = excluded.expires_at").update();
        jdbc.sql("INSERT INTO job_owner (job_id, instance_id) VALUES (?, 'restoring-instance')").param(restoreId).update();
        commands.sendAndWait(new StartRestoreCommand(backupId, restoreId, "foodtruck", true, true, "uma", Instant.now()));

        var refused = api.post("/api/backups", "{\"database\": \"foodtruck\"}");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody()).containsEntry("title", "A restore over this database is running");
        assertThat((String) refused.getBody().get("detail")).contains(restoreId, "/api/backups/" + backupId);

        commands.sendAndWait(new FailRestoreCommand(backupId, restoreId, "ended by the test", Instant.now()));
        String next = api.start("foodtruck");
        assertThat(api.await(next, b -> !"RUNNING".equals(b.get("status")))).containsEntry("status", "COMPLETED");
    }

    /**
     * Two backup-service instances on one database: the backup of an instance whose lease ran out (killed) is failed
     * by this one within a lease; the backup of an instance whose lease is current is left running, however old.
     */
    @Test
    void onlyTheBackupOfAnInstanceWhoseLeaseRanOutIsFailedNotOneAnotherLiveInstanceRuns() {
        BackupApi api = new BackupApi(http, "olga");
        String killed = UUID.randomUUID().toString();
        String live = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO instance_lease VALUES ('killed-instance', now() - interval '1 second'), "
                + "('live-instance', now() + interval '1 hour')").update();
        jdbc.sql("INSERT INTO job_owner (job_id, instance_id) VALUES (?, 'killed-instance'), (?, 'live-instance')")
                .params(killed, live).update();
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        commands.sendAndWait(new StartBackupCommand(killed, "orphaned", Buckets.PRIMARY, "orphaned/" + killed + ".dump",
                "olga", anHourAgo));
        commands.sendAndWait(new StartBackupCommand(live, "elsewhere", Buckets.PRIMARY, "elsewhere/" + live + ".dump",
                "olga", anHourAgo));

        Map<String, Object> failed = api.await(killed, b -> !"RUNNING".equals(b.get("status")));

        assertThat(failed).containsEntry("status", "FAILED");
        assertThat((String) failed.get("failure")).contains("instance running it stopped");
        assertThat(api.get(live)).as("another live instance runs it").containsEntry("status", "RUNNING");
        assertThat(api.post("/api/backups", "{\"database\": \"elsewhere\"}").getStatusCode())
                .as("and it still holds its database").isEqualTo(HttpStatus.CONFLICT);

        jdbc.sql("UPDATE instance_lease SET expires_at = now() - interval '1 second' WHERE instance_id = 'live-instance'")
                .update();
        assertThat(api.await(live, b -> !"RUNNING".equals(b.get("status")))).as("once that instance is gone too")
                .containsEntry("status", "FAILED");
    }
}
