package org.drcc.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.backup.command.FailBackupCommand;
import org.drcc.backup.command.StartBackupCommand;
import org.drcc.engines.Buckets;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * "Back up now" for a database whose backup runs is refused with 409, however the requests race; sent again with its
 * {@code Idempotency-Key}, it gets the first answer and starts nothing.
 */
@WithEngines(database = "backup")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dr.backup.scheduling-enabled=false")
class OneBackupAtATimeIT {

    private static final int REQUESTS = 8;

    @Autowired
    TestRestTemplate http;

    @Autowired
    CommandGateway commands;

    @Autowired
    DataSource database;

    @Test
    void concurrentBackUpNowRequestsStartOneBackupAndAreOtherwiseRefusedWith409() throws Exception {
        // a caller of its own: the other tests of this context spend dana's 10 backups a minute, and a 429
        // (which the test client retries after Retry-After) is not what this test is about
        BackupApi api = new BackupApi(http, "olga");
        ExecutorService callers = Executors.newFixedThreadPool(REQUESTS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ResponseEntity<Map<String, Object>>>> calls = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            calls.add(callers.submit(() -> {
                go.await();
                return api.post("/api/backups", "{\"database\": \"foodtruck\"}");
            }));
        }
        go.countDown();
        List<ResponseEntity<Map<String, Object>>> responses = new ArrayList<>();
        for (Future<ResponseEntity<Map<String, Object>>> call : calls) {
            responses.add(call.get());
        }
        callers.shutdown();

        List<ResponseEntity<Map<String, Object>>> started = responses.stream()
                .filter(r -> r.getStatusCode() == HttpStatus.ACCEPTED).toList();
        assertThat(started).as("%s", responses).hasSize(1);
        String backupId = (String) started.get(0).getBody().get("backupId");
        assertThat(responses).filteredOn(r -> r.getStatusCode() != HttpStatus.ACCEPTED).hasSize(REQUESTS - 1)
                .allSatisfy(r -> {
                    assertThat(r.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                    assertThat((String) r.getBody().get("detail")).contains(backupId).contains("still running");
                });

        api.await(backupId, b -> !"RUNNING".equals(b.get("status")));
        String next = api.start("foodtruck");
        assertThat(next).as("once it ended, the next one starts").isNotEqualTo(backupId);
        api.await(next, b -> !"RUNNING".equals(b.get("status")));
    }

    @Test
    void aBackupThatAnotherInstanceRunsIsSeenAndRefusedWith409() {
        BackupApi api = new BackupApi(http);
        // another instance shares the event store and the read model, not this instance's memory
        String other = UUID.randomUUID().toString();
        commands.sendAndWait(new StartBackupCommand(other, "foodtruck", Buckets.PRIMARY,
                "foodtruck/other-instance_" + other + ".dump", "other-instance", Instant.now()));
        try {
            ResponseEntity<Map<String, Object>> refused = api.post("/api/backups", "{\"database\": \"foodtruck\"}");
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat((String) refused.getBody().get("detail")).contains(other);
        } finally {
            commands.sendAndWait(new FailBackupCommand(other, "the other instance stopped", Instant.now()));
        }
    }

    @Test
    void aBackUpNowSentAgainWithItsIdempotencyKeyGetsTheFirstAnswerAndStartsNoOtherBackup() throws Exception {
        BackupApi api = new BackupApi(http, "ines");
        String key = "backup-" + UUID.randomUUID();
        String body = "{\"database\": \"foodtruck\"}";
        int before = backupsOfFoodtruck();

        // the same request four times at once (a client that retried while its first answer was on the way): the
        // repeats wait for the first and get its answer
        ExecutorService callers = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ResponseEntity<Map<String, Object>>>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(callers.submit(() -> {
                go.await();
                return api.post("/api/backups", body, key);
            }));
        }
        go.countDown();
        List<ResponseEntity<Map<String, Object>>> answers = new ArrayList<>();
        for (Future<ResponseEntity<Map<String, Object>>> call : calls) {
            answers.add(call.get());
        }
        callers.shutdown();
        assertThat(answers).as("%s", answers).allSatisfy(a -> assertThat(a.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED));
        String backupId = (String) answers.get(0).getBody().get("backupId");
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.getBody()).containsEntry("backupId", backupId);
            assertThat(a.getHeaders().getLocation()).hasToString("/api/backups/" + backupId);
        });

        ResponseEntity<Map<String, Object>> reused = api.post("/api/backups", "{\"database\": \"inventory\"}", key);
        assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(reused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        api.await(backupId, b -> !"RUNNING".equals(b.get("status")));
        ResponseEntity<Map<String, Object>> late = api.post("/api/backups", body, key);
        assertThat(late.getStatusCode()).as("a repeat after the backup ended").isEqualTo(HttpStatus.ACCEPTED);
        assertThat(late.getBody()).containsEntry("backupId", backupId);
        assertThat(backupsOfFoodtruck()).as("one backup for the five requests").isEqualTo(before + 1);
    }

    @Test
    void aRefusedBackUpNowLeavesNoIdempotencyKeyBehind() {
        BackupApi api = new BackupApi(http, "jonas");
        String key = "backup-" + UUID.randomUUID();
        String other = UUID.randomUUID().toString();
        commands.sendAndWait(new StartBackupCommand(other, "foodtruck", Buckets.PRIMARY,
                "foodtruck/other-instance_" + other + ".dump", "other-instance", Instant.now()));
        try {
            assertThat(api.post("/api/backups", "{\"database\": \"foodtruck\"}", key).getStatusCode())
                    .isEqualTo(HttpStatus.CONFLICT);
        } finally {
            commands.sendAndWait(new FailBackupCommand(other, "the other instance stopped", Instant.now()));
        }
        ResponseEntity<Map<String, Object>> again = api.post("/api/backups", "{\"database\": \"foodtruck\"}", key);
        assertThat(again.getStatusCode()).as("the refusal kept no answer: the same key starts it now")
                .isEqualTo(HttpStatus.ACCEPTED);
        api.await((String) again.getBody().get("backupId"), b -> !"RUNNING".equals(b.get("status")));
    }

    /** A repeat waits for the first request's answer a bounded time, holding a connection meanwhile, then 409. */
    @Test
    void aRepeatWhoseFirstRequestHoldsTheKeyTooLongIsToldToSendItAgain() throws Exception {
        BackupApi api = new BackupApi(http, "karl");
        String key = "backup-" + UUID.randomUUID();
        try (Connection first = database.getConnection()) {
            // the first request's claim, not yet committed: as while its start runs
            first.setAutoCommit(false);
            try (PreparedStatement claim = first.prepareStatement(
                    "INSERT INTO idempotency_key (caller, key, fingerprint) VALUES ('karl', ?, 'a start under way')")) {
                claim.setString(1, key);
                claim.executeUpdate();
            }
            ResponseEntity<Map<String, Object>> waited = api.post("/api/backups", "{\"database\": \"foodtruck\"}", key);
            assertThat(waited.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(waited.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat((String) waited.getBody().get("detail")).contains("still being handled").contains("send it again");
            first.rollback(); // the first request failed: it keeps no answer
        }
        ResponseEntity<Map<String, Object>> again = api.post("/api/backups", "{\"database\": \"foodtruck\"}", key);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        api.await((String) again.getBody().get("backupId"), b -> !"RUNNING".equals(b.get("status")));
    }

    private int backupsOfFoodtruck() {
        return http.exchange("/api/backups?database=foodtruck&limit=1000", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody().size();
    }
}
