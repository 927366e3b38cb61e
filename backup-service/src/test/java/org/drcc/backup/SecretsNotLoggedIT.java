package org.drcc.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.drcc.kit.security.Roles;
import org.drcc.testsupport.TestTokens;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

/**
 * The secrets a deployment sets from its environment (S3 keys, the database password, Kafka's SASL JAAS
 * config and trust-store password) never reach the log, from start-up through a backup, its tier copies
 * and a verification, with the service's own logging at DEBUG.
 */
@WithEngines(database = "backup")
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dr.backup.scheduling-enabled=false",
        "dr.s3.access-key=" + SecretsNotLoggedIT.S3_ACCESS_KEY,
        "dr.s3.secret-key=" + SecretsNotLoggedIT.S3_SECRET,
        "spring.datasource.password=" + SecretsNotLoggedIT.DB_PASSWORD,
        "spring.kafka.properties.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"dr\" password=\"" + SecretsNotLoggedIT.KAFKA_PASSWORD + "\";",
        "spring.kafka.properties.ssl.truststore.password=" + SecretsNotLoggedIT.TRUSTSTORE_PASSWORD,
        "logging.level.org.drcc=DEBUG"})
class SecretsNotLoggedIT {

    static final String S3_ACCESS_KEY = "AKIAITACCESS7F3C";
    static final String S3_SECRET = "it-s3-secret-9d2e71";
    static final String DB_PASSWORD = "it-pg-secret-51ab";
    static final String KAFKA_PASSWORD = "it-kafka-secret-77c1";
    static final String TRUSTSTORE_PASSWORD = "it-truststore-secret-03fa";

    @Autowired
    TestRestTemplate http;

    @Test
    void aBackupAndItsVerificationLogNoSecret(CapturedOutput output) throws Exception {
        TestTokens.signIn(http, Roles.DBA, "dana");
        Map<?, ?> started = http.postForObject("/api/backups", Map.of("database", "foodtruck"), Map.class);
        String id = (String) started.get("backupId");
        Map<String, Object> backup = await(id, b -> "COMPLETED".equals(b.get("status"))
                && ((List<?>) b.get("copies")).size() == 2);
        assertThat(http.postForEntity("/api/backups/" + id + "/verify", null, Map.class).getStatusCode().value())
                .isEqualTo(202);
        await(id, b -> !"UNVERIFIED".equals(b.get("verification")));

        assertThat(backup).containsEntry("status", "COMPLETED");
        assertThat(output.getAll()).as("the flow was logged").contains(id)
                .doesNotContain(S3_SECRET, DB_PASSWORD, KAFKA_PASSWORD, TRUSTSTORE_PASSWORD,
                        BackupApi.keyValue(BackupApi.encryptionKeyFile()));
    }

    private Map<String, Object> await(String id, java.util.function.Predicate<Map<String, Object>> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            Map<String, Object> backup = http.exchange("/api/backups/" + id, HttpMethod.GET, null,
                    new ParameterizedTypeReference<Map<String, Object>>() { }).getBody();
            if (done.test(backup)) {
                return backup;
            }
            assertThat(System.nanoTime()).as("waiting for backup %s: %s", id, backup).isLessThan(deadline);
            Thread.sleep(250);
        }
    }
}
