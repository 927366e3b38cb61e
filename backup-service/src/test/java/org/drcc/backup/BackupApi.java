package org.drcc.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.drcc.kit.security.Roles;
import org.drcc.testsupport.TestTokens;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The backup-service's API as the integration tests drive it, and the engines' PostgreSQL beside it. */
final class BackupApi {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    private final TestRestTemplate http;

    BackupApi(TestRestTemplate http) {
        this(http, "dana");
    }

    /** As {@code caller}: expensive operations are rate-limited per caller, so a test may need its own. */
    BackupApi(TestRestTemplate http, String caller) {
        this.http = http;
        TestTokens.signIn(http, Roles.DBA, caller);
    }

    ResponseEntity<Map<String, Object>> post(String path, String body) {
        return post(path, body, null);
    }

    /** With an {@code Idempotency-Key}, unless it is null. */
    ResponseEntity<Map<String, Object>> post(String path, String body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JSON);
    }

    String start(String database) {
        ResponseEntity<Map<String, Object>> response = post("/api/backups", "{\"database\": \"" + database + "\"}");
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        return (String) response.getBody().get("backupId");
    }

    /** Backs up now and waits until the backup is completed and copied to both tiers. */
    Map<String, Object> backUp(String database) {
        Map<String, Object> backup = await(start(database), b -> !"RUNNING".equals(b.get("status"))
                && (!"COMPLETED".equals(b.get("status")) || list(b.get("copies")).size() == 2));
        assertThat(backup).as(String.valueOf(backup.get("failure"))).containsEntry("status", "COMPLETED");
        return backup;
    }

    Map<String, Object> verify(String id) {
        assertThat(post("/api/backups/" + id + "/verify", "").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        Map<String, Object> verified = await(id, b -> b.get("verifiedAt") != null);
        assertThat(verified).as(String.valueOf(verified.get("verificationDetail")))
                .containsEntry("verification", "VERIFIED");
        return verified;
    }

    Map<String, Object> get(String id) {
        return http.exchange("/api/backups/" + id, HttpMethod.GET, null, JSON).getBody();
    }

    Map<String, Object> await(String id, Predicate<Map<String, Object>> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            Map<String, Object> backup = get(id);
            if (done.test(backup)) {
                return backup;
            }
            assertThat(System.nanoTime()).as("waiting for backup %s: %s", id, backup).isLessThan(deadline);
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The name of the first truck in the protected database: a restore over it puts the backup's back. */
    static String truckName() throws Exception {
        try (Connection c = connect("foodtruck"); var s = c.createStatement();
             var rs = s.executeQuery("SELECT name FROM truck ORDER BY id LIMIT 1")) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void setTruckName(String name) throws Exception {
        try (Connection c = connect("foodtruck");
             var s = c.prepareStatement("UPDATE truck SET name = ? WHERE id = (SELECT min(id) FROM truck)")) {
            s.setString(1, name);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    static boolean databaseExists(String name) throws Exception {
        try (Connection c = connect("postgres");
             var s = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            s.setString(1, name);
            try (var rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Waits until the restore of backup {@code id} into {@code target} is no longer running; returns it. */
    Map<String, Object> awaitRestore(String id, String target) {
        Map<String, Object> done = await(id, b -> list(b.get("restores")).stream()
                .anyMatch(r -> target.equals(r.get("targetDatabase")) && !"RUNNING".equals(r.get("status"))));
        return list(done.get("restores")).stream().filter(r -> target.equals(r.get("targetDatabase")))
                .filter(r -> !"RUNNING".equals(r.get("status"))).findFirst().orElseThrow();
    }

    /** The key file of the dumps' key-encryption key the tests' services use (made on their first start). */
    static Path encryptionKeyFile() {
        return Path.of(System.getProperty("dr.backup.encryption.keys.local"));
    }

    /** The secret in a Tink JSON keyset file: its key's value, which no event, log line or answer may hold. */
    static String keyValue(Path keyFile) throws Exception {
        return Files.readString(keyFile).replaceAll("(?s).*\"value\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    static Connection connect(String database) throws Exception {
        return DriverManager.getConnection(url(database), "postgres", "");
    }

    static String url(String database) {
        return System.getProperty("spring.datasource.url").replaceAll("/backup$", "/" + database);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
