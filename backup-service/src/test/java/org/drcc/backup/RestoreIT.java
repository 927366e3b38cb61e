package org.drcc.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.drcc.contract.Topics;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import software.amazon.awssdk.services.s3.S3Client;

/** Restore: over the protected database only when confirmed, and only from a known, verified backup. */
@WithEngines(database = "backup")
// each test verifies its backups itself: an automatic verification after the copies could verify the one a test
// needs unverified before it asks
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dr.backup.scheduling-enabled=false", "dr.backup.verify-after-backup=false"})
class RestoreIT {

    @Autowired
    TestRestTemplate http;

    @Test
    void overTheProtectedDatabaseOnlyWithTheConfirmationThenItsDataIsTheBackupsAndAnEventSaysSo() throws Exception {
        BackupApi api = new BackupApi(http);
        String id = (String) api.backUp("foodtruck").get("backupId");
        api.verify(id);
        String original = BackupApi.truckName();
        BackupApi.setTruckName("changed after the backup");

        ResponseEntity<Map<String, Object>> refused = restore(api, id, "{\"targetDatabase\": \"foodtruck\"}");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) refused.getBody().get("detail")).contains("confirmation");
        assertThat(BackupApi.truckName()).as("nothing touched").isEqualTo("changed after the backup");
        assertThat(BackupApi.list(api.get(id).get("restores"))).as("nothing recorded").isEmpty();

        ResponseEntity<Map<String, Object>> accepted = restore(api, id,
                "{\"targetDatabase\": \"foodtruck\", \"confirmOverwrite\": true}");
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(accepted.getBody()).containsEntry("overwritesProtected", true)
                .containsEntry("restorePoint", api.get(id).get("snapshotAt"));
        String restoreId = (String) accepted.getBody().get("restoreId");
        Map<String, Object> done = api.await(id, b -> BackupApi.list(b.get("restores")).stream()
                .anyMatch(r -> !"RUNNING".equals(r.get("status"))));
        assertThat(BackupApi.list(done.get("restores"))).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("status", "RESTORED").containsEntry("targetDatabase", "foodtruck")
                .containsEntry("restorePoint", done.get("snapshotAt")));
        assertThat(BackupApi.truckName()).as("the protected database holds the backup's data again").isEqualTo(original);

        JsonNode restored = new ObjectMapper().readTree(restoredEvent(id));
        assertThat(restored.path("restoreId").asText()).isEqualTo(restoreId);
        assertThat(restored.path("targetDatabase").asText()).isEqualTo("foodtruck");
        assertThat(Instant.parse(restored.path("restorePoint").asText()))
                .as("the restore point the incident records as its evidence")
                .isEqualTo(Instant.parse((String) done.get("snapshotAt")));
    }

    @Test
    void anUnknownOrUnverifiedBackupIsRefusedWithAClear4xxAndNothingIsCreated() throws Exception {
        BackupApi api = new BackupApi(http);
        String target = "never_" + UUID.randomUUID().toString().substring(0, 8);

        ResponseEntity<Map<String, Object>> unknown = restore(api, "no-such-backup",
                "{\"targetDatabase\": \"" + target + "\"}");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) unknown.getBody().get("detail")).contains("no-such-backup");

        String id = (String) api.backUp("foodtruck").get("backupId");
        ResponseEntity<Map<String, Object>> unverified = restore(api, id, "{\"targetDatabase\": \"" + target + "\"}");
        assertThat(unverified.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(unverified.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) unverified.getBody().get("detail")).contains("verify it first")
                .contains("/api/backups/" + id + "/verify");
        assertThat(BackupApi.databaseExists(target)).isFalse();
        assertThat(BackupApi.list(api.get(id).get("restores"))).isEmpty();
    }

    @Test
    void theNewestVerifiedBackupBeforeTheDamageIsRestoredInOneCall() throws Exception {
        BackupApi api = new BackupApi(http);
        Map<String, Object> clean = api.backUp("foodtruck");
        api.verify((String) clean.get("backupId"));
        Instant damageStart = Instant.now();
        api.verify((String) api.backUp("foodtruck").get("backupId"));
        String target = "clean_" + UUID.randomUUID().toString().substring(0, 8);

        ResponseEntity<Map<String, Object>> accepted = api.post("/api/restores", "{\"database\": \"foodtruck\", "
                + "\"before\": \"" + damageStart + "\", \"targetDatabase\": \"" + target + "\"}");
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(accepted.getBody()).containsEntry("backupId", clean.get("backupId"))
                .containsEntry("restorePoint", clean.get("snapshotAt"));
        Map<String, Object> done = api.await((String) clean.get("backupId"), b -> BackupApi.list(b.get("restores"))
                .stream().anyMatch(r -> target.equals(r.get("targetDatabase")) && !"RUNNING".equals(r.get("status"))));
        assertThat(BackupApi.list(done.get("restores"))).filteredOn(r -> target.equals(r.get("targetDatabase")))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("status", "RESTORED"));
        assertThat(BackupApi.databaseExists(target)).isTrue();

        ResponseEntity<Map<String, Object>> none = api.post("/api/restores", "{\"database\": \"foodtruck\", "
                + "\"before\": \"2000-01-01T00:00:00Z\", \"targetDatabase\": \"never_made\"}");
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(none.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) none.getBody().get("detail")).contains("no verified backup of foodtruck")
                .contains("2000-01-01T00:00:00Z");
        assertThat(api.post("/api/restores", "{\"database\": \"foodtruck\", \"targetDatabase\": \"x\"}")
                .getStatusCode()).as("before is required").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(BackupApi.databaseExists("never_made")).isFalse();
    }

    /**
     * The regional disaster's restore: the primary copy is gone, so the restore reads the next copy that checks out
     * and says which it read and why it passed the primary over; a tier can be named; a copy that cannot be read
     * restores nothing.
     */
    @Test
    void withThePrimaryCopyGoneTheRestoreReadsTheNextGoodCopyAndSaysWhichAndWhy(@Autowired S3Client s3)
            throws Exception {
        // a caller of its own: restores are limited to 5 a minute per caller, and the other tests restore as dana
        BackupApi api = new BackupApi(http, "rhea");
        Map<String, Object> backup = api.backUp("foodtruck");
        String id = (String) backup.get("backupId");
        String key = (String) backup.get("objectKey");
        api.verify(id);
        s3.deleteObject(r -> r.bucket((String) backup.get("bucket")).key(key));

        String anyCopy = "anycopy_" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(restore(api, id, "{\"targetDatabase\": \"" + anyCopy + "\"}").getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        assertThat(api.awaitRestore(id, anyCopy)).containsEntry("status", "RESTORED")
                .satisfies(r -> assertThat((String) r.get("source")).isEqualTo("secondary s3://dr-backups-secondary/" + key))
                .satisfies(r -> assertThat((String) r.get("passedOver")).startsWith("primary s3://").contains(key));
        assertThat(BackupApi.databaseExists(anyCopy)).isTrue();

        String fromTertiary = "tertiary_" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(restore(api, id, "{\"targetDatabase\": \"" + fromTertiary + "\", \"from\": \"tertiary\"}")
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(api.awaitRestore(id, fromTertiary)).containsEntry("status", "RESTORED")
                .satisfies(r -> assertThat((String) r.get("source")).isEqualTo("tertiary s3://dr-backups-tertiary/" + key));

        String fromPrimary = "primary_" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(restore(api, id, "{\"targetDatabase\": \"" + fromPrimary + "\", \"from\": \"primary\"}")
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(api.awaitRestore(id, fromPrimary)).containsEntry("status", "FAILED")
                .satisfies(r -> assertThat((String) r.get("failure")).contains("nothing was restored", "primary s3://"));
        assertThat(BackupApi.databaseExists(fromPrimary)).as("a copy that cannot be read restores nothing").isFalse();

        ResponseEntity<Map<String, Object>> moon = restore(api, id, "{\"targetDatabase\": \"x\", \"from\": \"moon\"}");
        assertThat(moon.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(moon.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(String.valueOf(moon.getBody())).contains("from", "primary, secondary or tertiary");
    }


    /**
     * A retried request, or two operators at once: restores over the protected database sent together never run
     * together. Each is taken (202) or refused (409) as running or being started; every one taken ends RESTORED, and each
     * started only after the one before it ended.
     */
    @Test
    void restoresIntoTheSameDatabaseSentTogetherRunOneAfterTheOther() throws Exception {
        // a caller of its own: restores are rate-limited per caller (5 a minute)
        BackupApi api = new BackupApi(http, "robin");
        String id = (String) api.backUp("foodtruck").get("backupId");
        api.verify(id);
        int requests = 4;
        ExecutorService senders = Executors.newFixedThreadPool(requests);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ResponseEntity<Map<String, Object>>>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                sent.add(senders.submit(() -> {
                    go.await();
                    return restore(api, id, "{\"targetDatabase\": \"foodtruck\", \"confirmOverwrite\": true}");
                }));
            }
            go.countDown();
            List<ResponseEntity<Map<String, Object>>> answers = new ArrayList<>();
            for (Future<ResponseEntity<Map<String, Object>>> answer : sent) {
                answers.add(answer.get(120, TimeUnit.SECONDS));
            }
            assertThat(answers).extracting(ResponseEntity::getStatusCode)
                    .allMatch(s -> s == HttpStatus.ACCEPTED || s == HttpStatus.CONFLICT).contains(HttpStatus.ACCEPTED);
            answers.stream().filter(a -> a.getStatusCode() == HttpStatus.CONFLICT).forEach(refused -> {
                assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                // refused as running (it is named), or as being started by a request at the same moment
                assertThat((String) refused.getBody().get("detail")).containsAnyOf(
                        "is still running; wait for it to end (GET /api/backups/" + id,
                        "is being started at this moment; look at the restores of the backups of foodtruck");
            });
            long taken = answers.stream().filter(a -> a.getStatusCode() == HttpStatus.ACCEPTED).count();

            Map<String, Object> done = api.await(id, b -> BackupApi.list(b.get("restores")).stream()
                    .noneMatch(r -> "RUNNING".equals(r.get("status"))));
            List<Map<String, Object>> restores = BackupApi.list(done.get("restores")).stream()
                    .sorted(java.util.Comparator.comparing(r -> Instant.parse((String) r.get("startedAt")))).toList();
            assertThat(restores).hasSize((int) taken)
                    .allSatisfy(r -> assertThat(r).as(String.valueOf(r.get("failure"))).containsEntry("status", "RESTORED"));
            for (int i = 1; i < restores.size(); i++) {
                assertThat(Instant.parse((String) restores.get(i).get("startedAt")))
                        .as("restore %d started after the one before it ended", i)
                        .isAfterOrEqualTo(Instant.parse((String) restores.get(i - 1).get("finishedAt")));
            }
        } finally {
            senders.shutdownNow();
        }
    }

    private static ResponseEntity<Map<String, Object>> restore(BackupApi api, String id, String body) {
        return api.post("/api/backups/" + id + "/restore", body);
    }




    /** The JSON data of the backup's dr.backup.restored.v1 on Kafka. */
    private static String restoredEvent(String backupId) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", System.getProperty("spring.kafka.bootstrap-servers"),
                "group.id", "it-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.BACKUP_EVENTS));
            List<String> seen = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    String type = new String(r.headers().lastHeader("ce_type").value());
                    if (backupId.equals(r.key())) {
                        seen.add(type);
                        if (type.equals("dr.backup.restored.v1")) {
                            return r.value();
                        }
                    }
                }
            }
            throw new AssertionError("no dr.backup.restored.v1 for " + backupId + "; saw " + seen);
        }
    }
}
