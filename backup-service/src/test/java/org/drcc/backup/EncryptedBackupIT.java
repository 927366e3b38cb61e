package org.drcc.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.drcc.backup.catalog.BackupCatalog;
import org.drcc.backup.catalog.CatalogJson;
import org.drcc.contract.Topics;
import org.drcc.engines.Buckets;
import org.drcc.testsupport.TestEvents;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Every dump is stored encrypted, in every tier, and restores only with its key: a service holding another key under
 * the backup's key id fails the restore with a clear error and writes nothing; one without the key id refuses it.
 */
@WithEngines(database = "backup")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dr.backup.scheduling-enabled=false")
class EncryptedBackupIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    S3Client s3;

    @TempDir
    Path elsewhere;

    @Test
    void theDumpIsStoredEncryptedInEveryTierAndVerifiesAndRestoresWithItsKey() throws Exception {
        BackupApi api = new BackupApi(http, "cipher-it");
        Map<String, Object> backup = api.backUp("foodtruck");
        String id = (String) backup.get("backupId");
        String key = (String) backup.get("objectKey");
        assertThat(backup).containsEntry("encryptionKeyId", "local");

        for (String bucket : new String[] {Buckets.PRIMARY, Buckets.SECONDARY, Buckets.TERTIARY}) {
            byte[] stored = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
            String head = new String(stored, 0, 64, StandardCharsets.ISO_8859_1);
            assertThat(head).as("s3://%s/%s", bucket, key).startsWith("DRCCENC1").doesNotContain("PGDMP");
        }
        ConsumerRecord<String, String> encrypted = TestEvents.awaitRecord(bootstrap(), Topics.BACKUP_EVENTS, id,
                "dr.backup.encrypted.v1", Duration.ofSeconds(30));
        assertThat(encrypted.value()).contains("\"keyId\":\"local\"", "AES256_GCM_HKDF_1MB")
                .doesNotContain(BackupApi.keyValue(BackupApi.encryptionKeyFile()));

        Map<String, Object> verified = api.verify(id);
        assertThat(verified).containsEntry("verification", "VERIFIED");
        String target = "decrypted_" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/backups/" + id + "/restore", "{\"targetDatabase\": \"" + target + "\"}")
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(api.awaitRestore(id, target)).containsEntry("status", "RESTORED");
        assertThat(count(target, "SELECT count(*) FROM truck")).isEqualTo(count("foodtruck", "SELECT count(*) FROM truck"));

        BackupCatalog catalog = CatalogJson.read(s3.getObjectAsBytes(r -> r.bucket(Buckets.TERTIARY)
                .key(BackupCatalog.keyOf(key))).asByteArray());
        assertThat(catalog.encryptionKeyId()).isEqualTo("local");
        assertThat(catalog.encryptionAlgorithm()).isEqualTo("AES256_GCM_HKDF_1MB");
    }

    @Test
    void aWrongEncryptionKeyFailsTheRestoreWithAClearErrorAndNothingWritten() throws Exception {
        BackupApi api = new BackupApi(http, "wrong-key-it");
        String id = (String) api.backUp("foodtruck").get("backupId");
        api.verify(id);
        // a restore that wrote anything would put the backup's name back
        BackupApi.setTruckName("changed after the backup " + id);

        // the same key id, another key: as after restoring the service with a key file that is not the lost one
        try (ConfigurableApplicationContext other = service("--dr.backup.encryption.keys.local="
                + elsewhere.resolve("not-the-key.json"), "--dr.backup.encryption.create-missing-key=true")) {
            BackupApi wrong = new BackupApi(client(other), "wrong-key-it");
            String target = "wrongkey_" + UUID.randomUUID().toString().substring(0, 8);
            assertThat(wrong.post("/api/backups/" + id + "/restore", "{\"targetDatabase\": \"" + target + "\"}")
                    .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            Map<String, Object> failed = wrong.awaitRestore(id, target);
            assertThat(failed).containsEntry("status", "FAILED");
            assertThat((String) failed.get("failure")).contains("key id 'local'", "does not decrypt",
                    "nothing was restored");
            assertThat(BackupApi.databaseExists(target)).as("the target database is not created").isFalse();

            ResponseEntity<Map<String, Object>> over = wrong.post("/api/backups/" + id + "/restore",
                    "{\"targetDatabase\": \"foodtruck\", \"confirmOverwrite\": true}");
            assertThat(over.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            assertThat(wrong.awaitRestore(id, "foodtruck")).containsEntry("status", "FAILED");
            assertThat(BackupApi.truckName()).as("the protected database is left as it was")
                    .isEqualTo("changed after the backup " + id);

            assertThat(wrong.post("/api/backups/" + id + "/verify", "").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            Map<String, Object> unproved = wrong.await(id, b -> "FAILED".equals(b.get("verification")));
            assertThat(unproved).containsEntry("verificationCheck", "decryption");
            assertThat((String) unproved.get("verificationDetail")).contains("key id 'local'");

            ConsumerRecord<String, String> event = TestEvents.awaitRecord(bootstrap(), Topics.BACKUP_EVENTS, id,
                    "dr.backup.restore-failed.v1", Duration.ofSeconds(30));
            assertThat(event.value()).contains("key id 'local'")
                    .doesNotContain(BackupApi.keyValue(BackupApi.encryptionKeyFile()),
                            BackupApi.keyValue(elsewhere.resolve("not-the-key.json")));
        }
    }

    @Test
    void aKeyIdTheServiceHasNoKeyForIsRefusedNamingTheIdAndNothingIsStarted() throws Exception {
        BackupApi api = new BackupApi(http, "missing-key-it");
        String id = (String) api.backUp("foodtruck").get("backupId");
        api.verify(id);

        // rotated to a new key id, with the old id's file not configured
        try (ConfigurableApplicationContext other = service("--dr.backup.encryption.keys.local=",
                "--dr.backup.encryption.keys.k2=" + elsewhere.resolve("k2.json"),
                "--dr.backup.encryption.active-key-id=k2", "--dr.backup.encryption.create-missing-key=true")) {
            BackupApi rotated = new BackupApi(client(other), "missing-key-it");
            String target = "nokey_" + UUID.randomUUID().toString().substring(0, 8);
            ResponseEntity<Map<String, Object>> refused = rotated.post("/api/backups/" + id + "/restore",
                    "{\"targetDatabase\": \"" + target + "\"}");
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat((String) refused.getBody().get("detail")).contains("key id 'local'",
                    "dr.backup.encryption.keys.local");
            assertThat(BackupApi.list(rotated.get(id).get("restores"))).as("nothing recorded").isEmpty();
            assertThat(BackupApi.databaseExists(target)).isFalse();
        }
    }

    /** Another backup-service on the same database and engines, with other key settings. */
    private static ConfigurableApplicationContext service(String... keySettings) {
        String[] args = new String[keySettings.length + 2];
        args[0] = "--server.port=0";
        args[1] = "--dr.backup.scheduling-enabled=false";
        System.arraycopy(keySettings, 0, args, 2, keySettings.length);
        return new SpringApplicationBuilder(BackupServiceApplication.class).run(args);
    }

    private static TestRestTemplate client(ConfigurableApplicationContext context) {
        return new TestRestTemplate(new RestTemplateBuilder()
                .rootUri("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")));
    }


    private static String bootstrap() {
        return System.getProperty("spring.kafka.bootstrap-servers");
    }





    private static long count(String database, String sql) throws Exception {
        try (Connection c = BackupApi.connect(database); var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
