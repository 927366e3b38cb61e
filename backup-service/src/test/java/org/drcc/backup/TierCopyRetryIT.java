package org.drcc.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.drcc.contract.Topics;
import org.drcc.drill.backup.BackupDesk;
import org.drcc.engines.Buckets;
import org.drcc.kit.security.Roles;
import org.drcc.testsupport.TestEvents;
import org.drcc.testsupport.TestTokens;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The day the primary site is gone, as far as backups see it: the primary tier's bucket is missing when a backup
 * starts, and so is the secondary's. The dump is written to the first tier that can take it (the tertiary) instead of
 * failing with them. Its copy to the primary fails, is tried again with backoff, and is made once the bucket is back;
 * its copy to the tier whose bucket never comes back is given up after its attempts, once, with the event the owners
 * are alerted on; and once the tier it was written to loses it too, the backup is still proved restorable and the
 * drills still restore it. Only the copy sweep runs by the clock here, on short delays. The context is closed after
 * the test: its sweep, with its own buckets, must not retry the copies of the next test classes' backups.
 */
@org.springframework.test.annotation.DirtiesContext
@WithEngines(database = "backup")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dr.backup.scheduling-enabled=false",
        "dr.backup.verify-after-backup=false",
        "dr.backup.copy-retry.enabled=true",
        "dr.backup.copy-retry.max-attempts=3",
        // the test sees the first failure in the API and makes the late bucket before the last retry (15 s after the
        // failure), even on a loaded machine; the one before it (at 5 s) may still find none: then the attempts are 2
        "dr.backup.copy-retry.first-delay=PT5S",
        "dr.backup.copy-retry.factor=2",
        "dr.backup.copy-retry.max-delay=PT10S",
        "dr.backup.copy-retry.sweep-interval=PT1S"})
class TierCopyRetryIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** The primary's bucket: gone when the backup starts, made again by the test after the first failed copy. */
    private static final String LATE_BUCKET = "dr-it-late-primary-" + RUN;
    /** The secondary's bucket: never made. */
    private static final String MISSING_BUCKET = "dr-it-missing-secondary-" + RUN;

    @DynamicPropertySource
    static void tiers(DynamicPropertyRegistry registry) {
        registry.add("dr.s3.buckets.primary", () -> LATE_BUCKET);
        registry.add("dr.s3.buckets.secondary", () -> MISSING_BUCKET);
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    S3Client s3;

    @Autowired
    ObjectMapper json;

    @Autowired
    BackupDesk desk;

    private final String bootstrap = System.getProperty("spring.kafka.bootstrap-servers");

    @Test
    void withThePrimaryGoneTheDumpGoesToTheNextTierAndThePrimaryGetsItsCopyOnceItIsBack() throws Exception {
        TestTokens.signIn(http, Roles.DBA, "dana");
        BackupApi api = new BackupApi(http);
        String id = api.start("foodtruck");

        // the late bucket made as soon as the API shows the first failure; its event is read after that
        Map<String, Object> firstTry = api.await(id, b -> copy(b, "primary") != null);
        s3.createBucket(r -> r.bucket(LATE_BUCKET));
        assertThat(firstTry).containsEntry("status", "COMPLETED").containsEntry("bucket", Buckets.TERTIARY);
        assertThat(event(id, "dr.backup.started.v1").path("bucket").asText()).as("where the dump went, from the start")
                .isEqualTo(Buckets.TERTIARY);
        assertThat(event(id, "dr.backup.completed.v1").path("bucket").asText()).isEqualTo(Buckets.TERTIARY);
        assertThat(copy(firstTry, "primary")).containsEntry("status", "FAILED");
        assertThat(copy(firstTry, "tertiary")).as("the tier it was written to needs no copy").isNull();
        assertThat(((Number) copy(firstTry, "primary").get("attempts")).intValue()).isBetween(1, 2);
        JsonNode failed = event(id, "dr.backup.copy-failed.v1");
        assertThat(failed.path("bucket").asText()).isIn(LATE_BUCKET, MISSING_BUCKET);

        JsonNode copied = event(id, "dr.backup.copied.v1");
        assertThat(copied.path("tier").asText()).isEqualTo("primary");
        assertThat(copied.path("bucket").asText()).isEqualTo(LATE_BUCKET);
        Map<String, Object> backup = api.get(id);
        assertThat(copied.path("sha256").asText()).isEqualTo(backup.get("sha256"));
        assertThat(s3.headObject(r -> r.bucket(LATE_BUCKET).key((String) backup.get("objectKey"))).contentLength())
                .isEqualTo(((Number) backup.get("sizeBytes")).longValue());

        JsonNode abandoned = event(id, "dr.backup.copy-abandoned.v1");
        assertThat(abandoned.path("tier").asText()).isEqualTo("secondary");
        assertThat(abandoned.path("bucket").asText()).isEqualTo(MISSING_BUCKET);
        assertThat(abandoned.path("attempts").asInt()).isEqualTo(3);
        assertThat(abandoned.path("lastCause").asText()).isNotBlank().doesNotContain("dr-local-secret");
        assertThat(abandoned.path("actor").asText()).as("sealed as personal data, like every actor").startsWith("pd:");

        Map<String, Object> secondary = copy(api.await(id, b -> "ABANDONED".equals(statusOf(b, "secondary"))),
                "secondary");
        assertThat(secondary).containsEntry("attempts", 3).containsKey("abandonedAt");
        assertThat(copy(api.get(id), "primary")).containsEntry("status", "COPIED");

        // proved restorable (pg_restore into a scratch database, checked against the manifest) with the tier it was
        // written to gone too: its object deleted, the primary's proven copy is read
        s3.deleteObject(r -> r.bucket(Buckets.TERTIARY).key((String) backup.get("objectKey")));
        assertThat(api.verify(id)).containsEntry("verification", "VERIFIED");

        // and the drills restore it too, a whole database and then single tables, saying which copy they read
        String scratch = "drill_tier_it_" + RUN;
        String primaryCopy = "primary s3://" + LATE_BUCKET + "/" + backup.get("objectKey");
        try {
            assertThat(desk.restore(id, BackupDesk.Tier.PRIMARY, scratch)).startsWith(primaryCopy)
                    .contains("passed over: tertiary s3://" + Buckets.TERTIARY);
            String table = "staff_shift"; // a leaf table, as the accidental-deletion drill's
            try (Connection c = desk.connect("foodtruck", scratch); Statement st = c.createStatement()) {
                st.execute("DELETE FROM " + table);
            }
            assertThat(desk.compare(id, scratch)).as("the table emptied").isPresent();
            assertThat(desk.restoreTables(id, scratch, List.of(table)))
                    .startsWith(primaryCopy);
            assertThat(desk.compare(id, scratch)).as("its rows back from the primary's copy").isEmpty();
        } finally {
            try (Connection c = desk.connect("foodtruck", "postgres"); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + scratch + " WITH (FORCE)");
            }
        }
    }

    private JsonNode event(String backupId, String type) throws Exception {
        ConsumerRecord<String, String> record = TestEvents.awaitRecord(bootstrap, Topics.BACKUP_EVENTS, backupId, type,
                Duration.ofSeconds(90));
        return json.readTree(record.value());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> backup, String tier) {
        return ((List<Map<String, Object>>) backup.get("copies")).stream().filter(c -> tier.equals(c.get("tier")))
                .findFirst().orElse(null);
    }

    private static String statusOf(Map<String, Object> backup, String tier) {
        Map<String, Object> copy = copy(backup, tier);
        return copy == null ? null : (String) copy.get("status");
    }
}
