package org.drcc.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.drcc.backup.storage.ObjectStore;
import org.drcc.contract.Topics;
import org.drcc.contract.incident.IncidentDeclaredEvent;
import org.drcc.contract.incident.Severity;
import org.drcc.engines.Buckets;
import org.drcc.testsupport.TestEvents;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;
import org.drcc.kit.security.Permission;
import org.drcc.kit.security.PermissionTable;
import org.drcc.kit.security.Roles;
import org.drcc.testsupport.OpenApiWalk;
import org.drcc.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

@WithEngines(database = "backup")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dr.backup.scheduling-enabled=false")
class BackupServiceIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @Autowired
    TestRestTemplate http;

    @Autowired
    S3Client s3;

    @Autowired
    ObjectStore store;

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        TestTokens.signIn(http, Roles.DBA, "dana");
    }

    /** A second protected database that does not exist on the server: every backup of it must fail. */
    @DynamicPropertySource
    static void missingDatabase(DynamicPropertyRegistry registry) {
        registry.add("dr.backup.databases.missing.url",
                () -> System.getProperty("spring.datasource.url").replaceAll("/backup$", "/no_such_db"));
    }

    @Test
    void aDeclaredIncidentHoldsTheBackupsOnceThoughDeliveredTwice() throws Exception {
        String id = UUID.randomUUID().toString();
        IncidentDeclaredEvent declared = TestEvents.declared(id, Severity.HIGH, false);
        try (TestEvents events = new TestEvents(System.getProperty("spring.kafka.bootstrap-servers"))) {
            String eventId = events.publish(Topics.INCIDENT_EVENTS, id, declared);
            events.publish(Topics.INCIDENT_EVENTS, id, eventId, declared);
            events.awaitConsumed("backup-service", Topics.INCIDENT_EVENTS, Duration.ofSeconds(60));
        }
        List<Map<String, Object>> holds = http.exchange("/api/holds", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
        assertThat(holds).filteredOn(h -> id.equals(h.get("incidentId"))).singleElement()
                .satisfies(h -> assertThat(h).containsEntry("scenario", "database-corruption")
                        .containsEntry("suspectedDamageStart", declared.suspectedDamageStart().toString()));
    }

    @Test
    void aBackupOfFoodtruckStreamsToS3WithItsChecksumSizeAndManifestAndIsCopiedToEveryTier() throws Exception {
        Map<String, Object> backup = backUp("foodtruck");

        String key = (String) backup.get("objectKey");
        assertThat(backup.get("bucket")).isEqualTo(Buckets.PRIMARY);
        byte[] object = s3.getObjectAsBytes(r -> r.bucket(Buckets.PRIMARY).key(key)).asByteArray();
        assertThat(((Number) backup.get("sizeBytes")).longValue()).isEqualTo(object.length).isGreaterThan(10_000);
        assertThat(backup.get("sha256")).isEqualTo(sha256(object));
        assertThat(new String(object, 0, 8)).as("a pg_dump archive, encrypted (EncryptedBackupIT)").isEqualTo("DRCCENC1");
        assertThat((String) backup.get("serverVersion")).startsWith("15.");
        assertThat(backup.get("snapshotAt")).isNotNull();

        List<Map<String, Object>> tables = list(backup.get("tables"));
        assertThat(tables).extracting(t -> t.get("table")).contains("public.truck", "public.customer_order");
        assertThat(tables).filteredOn(t -> "public.truck".equals(t.get("table"))).singleElement()
                .satisfies(t -> assertThat(((Number) t.get("rows")).longValue()).isEqualTo(rows("foodtruck", "truck")));

        Map<String, Object> copied = await((String) backup.get("backupId"), b -> list(b.get("copies")).size() == 2);
        assertThat(list(copied.get("copies"))).allSatisfy(c -> assertThat(c)
                .containsEntry("status", "COPIED").containsEntry("sha256", backup.get("sha256")));
        for (String tier : List.of(Buckets.SECONDARY, Buckets.TERTIARY)) {
            assertThat(sha256(s3.getObjectAsBytes(r -> r.bucket(tier).key(key)).asByteArray()))
                    .as(tier).isEqualTo(backup.get("sha256"));
        }

        assertThat(backupEventTypes((String) backup.get("backupId")))
                .contains("dr.backup.started.v1", "dr.backup.completed.v1", "dr.backup.copied.v1");
    }

    @Test
    void aBackupIsVerifiedByRestoreAndACorruptedObjectFailsVerificationNamingTheCheck() throws Exception {
        Map<String, Object> backup = backUp("foodtruck");
        String id = (String) backup.get("backupId");

        assertThat(http.postForEntity("/api/backups/" + id + "/verify", null, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        Map<String, Object> verified = await(id, b -> !"UNVERIFIED".equals(b.get("verification")));
        assertThat(verified).containsEntry("verification", "VERIFIED");
        assertThat(scratchDatabases()).as("the scratch database is dropped").isEmpty();

        String key = (String) backup.get("objectKey");
        byte[] object = s3.getObjectAsBytes(r -> r.bucket(Buckets.PRIMARY).key(key)).asByteArray();
        object[object.length / 2] ^= 0x5A;
        s3.putObject(r -> r.bucket(Buckets.PRIMARY).key(key), RequestBody.fromBytes(object));

        http.postForEntity("/api/backups/" + id + "/verify", null, Map.class);
        Map<String, Object> failed = await(id, b -> "FAILED".equals(b.get("verification")));
        assertThat(failed).containsEntry("verificationCheck", "sha256");
        assertThat((String) failed.get("verificationDetail")).contains("altered or damaged");
        assertThat(scratchDatabases()).isEmpty();

        ResponseEntity<Map<String, Object>> restore = restore(id, "{\"targetDatabase\": \"never_made\"}");
        assertThat(restore.getStatusCode()).as("a backup that failed verification is not restored")
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aBackupRestoresIntoANewDatabaseButNeverOverTheProtectedOneWithoutConfirmation() throws Exception {
        String id = (String) backUp("foodtruck").get("backupId");
        new BackupApi(http).verify(id);
        String target = "restored_" + UUID.randomUUID().toString().substring(0, 8);

        ResponseEntity<Map<String, Object>> accepted = restore(id, "{\"targetDatabase\": \"" + target + "\"}");
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(accepted.getBody()).containsEntry("overwritesProtected", false).containsKey("restorePoint");
        Map<String, Object> done = await(id, b -> list(b.get("restores")).stream()
                .anyMatch(r -> !"RUNNING".equals(r.get("status"))));
        assertThat(list(done.get("restores"))).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("status", "RESTORED").containsEntry("targetDatabase", target));
        assertThat(rows(target, "customer_order")).isEqualTo(rows("foodtruck", "customer_order"));

        ResponseEntity<Map<String, Object>> refused = restore(id, "{\"targetDatabase\": \"foodtruck\"}");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) refused.getBody().get("detail")).contains("confirmation");
        assertThat(restore(id, "{\"targetDatabase\": \"" + target + "\"}").getStatusCode())
                .as("an existing database is never restored into").isEqualTo(HttpStatus.CONFLICT);
        assertThat(restore(id, "{\"targetDatabase\": \"Bad-Name\"}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aBackupThatCannotReachItsDatabaseIsRecordedAsFailedAndLeavesNothingInS3() {
        Map<String, Object> backup = await(start("missing"), b -> !"RUNNING".equals(b.get("status")));
        assertThat(backup).containsEntry("status", "FAILED");
        assertThat((String) backup.get("failure")).contains("no_such_db");
        assertThat(objects("missing/")).isEmpty();
        assertThat(http.exchange("/api/backups?status=COMPLETED&database=missing", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody()).isEmpty();
    }

    @Test
    void anUploadThatFailsMidwayIsAbortedAndLeavesNoObjectNorParts() {
        String key = "aborted/" + UUID.randomUUID() + ".dump";
        InputStream failing = new InputStream() {
            private final InputStream first = new ByteArrayInputStream(new byte[9 * 1024 * 1024]);

            @Override
            public int read() throws IOException {
                int b = first.read();
                if (b < 0) {
                    throw new IOException("connection reset by the dump");
                }
                return b;
            }
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.upload(Buckets.PRIMARY, key, failing, () -> { }))
                .hasMessageContaining("connection reset");
        assertThat(objects("aborted/")).isEmpty();
        assertThat(s3.listMultipartUploads(r -> r.bucket(Buckets.PRIMARY).prefix("aborted/")).uploads()).isEmpty();
    }

    @Test
    void badRequestsAreProblemsThatSayWhatToDo() {
        ResponseEntity<Map<String, Object>> unknown = post("/api/backups", "{\"database\": \"payroll\"}");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) unknown.getBody().get("detail")).contains("GET /api/policies");
        assertThat(post("/api/backups", "{}").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.getForEntity("/api/backups/nope", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.getForEntity("/api/backups?status=GOOD", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        List<Map<String, Object>> policies = http.exchange("/api/policies", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
        assertThat(policies).filteredOn(p -> "foodtruck".equals(p.get("database"))).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("schedule", "0 0 * * * *").containsEntry("rpo", "PT1H")
                        .doesNotContainKey("password").doesNotContainKey("url"));
    }

    private String start(String database) {
        ResponseEntity<Map<String, Object>> response = post("/api/backups", "{\"database\": \"" + database + "\"}");
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        return (String) response.getBody().get("backupId");
    }

    private Map<String, Object> backUp(String database) {
        Map<String, Object> backup = await(start(database), b -> !"RUNNING".equals(b.get("status")));
        assertThat(backup).as(String.valueOf(backup.get("failure"))).containsEntry("status", "COMPLETED");
        return backup;
    }

    private Map<String, Object> await(String id, Predicate<Map<String, Object>> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            Map<String, Object> backup = http.exchange("/api/backups/" + id, HttpMethod.GET, null, JSON).getBody();
            if (done.test(backup)) {
                return backup;
            }
            assertThat(System.nanoTime()).as("waiting for backup %s: %s", id, backup).isLessThan(deadline);
            sleep();
        }
    }

    @Test
    void onlyADatabaseAdministratorOrTheDrLeadRestoresAndARefusalTouchesNothing() throws Exception {
        String id = (String) backUp("foodtruck").get("backupId");
        String target = "refused_" + UUID.randomUUID().toString().substring(0, 8);
        for (String role : List.of(Roles.DEVOPS, Roles.SECURITY, Roles.SUPPORT, Roles.VIEWER, Roles.AUDITOR)) {
            var headers = new org.springframework.http.HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            headers.set(org.springframework.http.HttpHeaders.AUTHORIZATION, TestTokens.bearer(role, "eve"));
            ResponseEntity<Map<String, Object>> refused = http.exchange("/api/backups/" + id + "/restore", HttpMethod.POST,
                    new org.springframework.http.HttpEntity<>("{\"targetDatabase\": \"" + target + "\"}", headers), JSON);
            assertThat(refused.getStatusCode()).as(role).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(list(http.exchange("/api/backups/" + id, HttpMethod.GET, null, JSON).getBody().get("restores"))).isEmpty();
        try (var c = java.sql.DriverManager.getConnection(System.getProperty("spring.datasource.url"), "postgres", "");
             var rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + target + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("no database was created").isZero();
        }
    }

    @Test
    void everyOperationOfTheOpenApiDocumentIsGuarded(@Autowired PermissionTable permissions) {
        OpenApiWalk.assertEveryOperationGuarded(http, java.util.Set.of(), (method, path) ->
                permissions.find(new org.springframework.mock.web.MockHttpServletRequest(method.name(), path))
                        .map(Permission::roles).orElse(List.of()));
    }

    private ResponseEntity<Map<String, Object>> restore(String id, String body) {
        return post("/api/backups/" + id + "/restore", body);
    }

    private ResponseEntity<Map<String, Object>> post(String path, String body) {
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new org.springframework.http.HttpEntity<>(body, headers), JSON);
    }

    private List<S3Object> objects(String prefix) {
        return s3.listObjectsV2(r -> r.bucket(Buckets.PRIMARY).prefix(prefix)).contents();
    }

    private List<String> backupEventTypes(String backupId) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", System.getProperty("spring.kafka.bootstrap-servers"),
                "group.id", "it-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.BACKUP_EVENTS));
            List<String> types = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && !types.contains("dr.backup.copied.v1")) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (backupId.equals(r.key())) {
                        types.add(new String(r.headers().lastHeader("ce_type").value()));
                    }
                }
            }
            return types;
        }
    }

    private static long rows(String database, String table) throws Exception {
        try (Connection c = DriverManager.getConnection(url(database), "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> scratchDatabases() throws Exception {
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT datname FROM pg_database WHERE datname LIKE 'dr_verify_%'")) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }

    private static String url(String database) {
        return System.getProperty("spring.datasource.url").replaceAll("/backup$", "/" + database);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
