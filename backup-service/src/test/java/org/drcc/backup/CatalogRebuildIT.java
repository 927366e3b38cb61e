package org.drcc.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.drcc.backup.catalog.BackupCatalog;
import org.drcc.backup.catalog.CatalogJson;
import org.drcc.backup.postgres.Manifest;
import org.drcc.engines.Buckets;
import org.drcc.engines.Engines;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The regional disaster: backup-service's database and the primary site's copies are gone, the tertiary bucket is
 * not. A second backup-service on a new, empty database knows the tertiary's backups again from their catalogue
 * objects alone, as they were; a dump altered in the tertiary is reported and not imported; the newest verified
 * backup before an instant restores from the tertiary, and the restored database matches its manifest table by table.
 */
@WithEngines(database = "backup")
// the test verifies the backup itself: a second verification after the copies (AutoVerification) could land after
// it and leave a newer verifiedAt in the catalogue than the one the test compares with
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dr.backup.scheduling-enabled=false", "dr.backup.verify-after-backup=false"})
class CatalogRebuildIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    S3Client s3;

    @Autowired
    org.drcc.drill.backup.BackupDesk desk;

    @Autowired
    org.drcc.backup.catalog.CatalogRebuild catalogues;

    @Autowired
    org.drcc.backup.query.Backups backups;

    @Test
    void aServiceOnAnEmptyDatabaseRebuildsTheCatalogueFromTheTertiaryAlone(Engines engines) throws Exception {
        BackupApi site = new BackupApi(http, "catalog-it");
        Map<String, Object> good = site.backUp("foodtruck");
        String goodId = (String) good.get("backupId");
        Map<String, Object> verified = site.verify(goodId);
        Map<String, Object> altered = site.backUp("foodtruck");
        String alteredId = (String) altered.get("backupId");
        String goodKey = (String) good.get("objectKey");
        String alteredKey = (String) altered.get("objectKey");

        BackupCatalog catalog = awaitCatalog(goodKey, c -> "VERIFIED".equals(c.verification().status())
                && c.copies().size() == 3);
        assertThat(catalog.sha256()).isEqualTo(verified.get("sha256"));
        assertThat(catalog.encryptionKeyId()).as("the dump is encrypted, and the catalogue names its key id")
                .isEqualTo(verified.get("encryptionKeyId")).isNotNull();
        assertThat(catalog.sizeBytes()).isEqualTo(((Number) verified.get("sizeBytes")).longValue());
        assertThat(catalog.copies()).extracting(BackupCatalog.Copy::tier).containsExactly("primary", "secondary", "tertiary");
        assertThat(new String(s3.getObjectAsBytes(r -> r.bucket(Buckets.PRIMARY).key(goodKey + ".catalog.json"))
                .asByteArray())).as("the same catalogue in every tier").isEqualTo(new String(CatalogJson.write(catalog)));
        awaitCatalog(alteredKey, c -> c.copies().size() == 3);
        // what the regional drills check after restoring from the tertiary: its catalogue knows the backup as recorded
        assertThat(desk.offSiteCatalogueProblem(goodId)).isEmpty();
        // and one that does not: the same catalogue against a record whose manifest has a table more (compared by the
        // rule itself, not by writing a catalogue the catalogue's processor may write again meanwhile)
        org.drcc.backup.query.BackupView recorded = backups.view(goodId);
        List<org.drcc.contract.backup.TableChecksum> more = new java.util.ArrayList<>(recorded.tables());
        more.add(new org.drcc.contract.backup.TableChecksum("public.not_backed_up", 1, "0"));
        assertThat(catalogues.describes("tertiary", recorded.backup(), more)).hasValueSatisfying(p -> assertThat(p.detail())
                .contains(goodKey + ".catalog.json", "manifest without table public.not_backed_up"));
        byte[] dump = s3.getObjectAsBytes(r -> r.bucket(Buckets.TERTIARY).key(alteredKey)).asByteArray();
        dump[dump.length / 2] ^= 0x5A;
        s3.putObject(r -> r.bucket(Buckets.TERTIARY).key(alteredKey), RequestBody.fromBytes(dump));

        // the regional disaster: the primary site's copies are gone, and so is the backup-service database
        for (String key : List.of(goodKey, alteredKey, goodKey + ".catalog.json", alteredKey + ".catalog.json")) {
            s3.deleteObject(r -> r.bucket(Buckets.PRIMARY).key(key));
        }
        String database = "backup_rebuilt_" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(engines.postgres().createDatabase(database)).as("a new, empty database").isTrue();
        // command-line arguments, because the test's engines set spring.datasource.url as a system property
        try (ConfigurableApplicationContext dr = new SpringApplicationBuilder(BackupServiceApplication.class)
                .run("--server.port=0", "--spring.datasource.url=" + engines.jdbcUrl(database),
                        "--dr.backup.scheduling-enabled=false")) {
            TestRestTemplate drHttp = new TestRestTemplate(new RestTemplateBuilder()
                    .rootUri("http://127.0.0.1:" + dr.getEnvironment().getProperty("local.server.port")));
            // a caller of its own: the rebuild is rate-limited per caller, and the typo counts
            ResponseEntity<Map<String, Object>> unknownTier = new BackupApi(drHttp, "typist")
                    .post("/api/catalog/rebuild", "{\"from\": \"quaternary\"}");
            assertThat(unknownTier.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(unknownTier.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(String.valueOf(unknownTier.getBody().get("errors"))).contains("from", "quaternary");

            BackupApi drSite = new BackupApi(drHttp, "rebuilder");
            assertThat(status(drHttp, goodId)).as("the new database does not know it").isEqualTo(HttpStatus.NOT_FOUND);

            ResponseEntity<Map<String, Object>> rebuilt = drSite.post("/api/catalog/rebuild", "{\"from\": \"tertiary\"}");
            assertThat(rebuilt.getStatusCode()).as(String.valueOf(rebuilt.getBody())).isEqualTo(HttpStatus.OK);
            Map<String, Object> report = rebuilt.getBody();
            assertThat(report).containsEntry("from", "tertiary").containsEntry("bucket", Buckets.TERTIARY);
            assertThat(BackupApi.list(report.get("imported"))).filteredOn(i -> goodId.equals(i.get("backupId")))
                    .singleElement().satisfies(i -> assertThat(i).containsEntry("verification", "VERIFIED"));
            assertThat(BackupApi.list(report.get("notImported"))).filteredOn(i -> alteredId.equals(i.get("backupId")))
                    .singleElement().satisfies(i -> assertThat(i)
                            .containsEntry("catalogObject", alteredKey + ".catalog.json")
                            .extractingByKey("reason").asString().contains("SHA-256", catalogOf(alteredKey).sha256()));
            assertThat(status(drHttp, alteredId)).as("the altered dump is not imported").isEqualTo(HttpStatus.NOT_FOUND);

            Map<String, Object> known = drSite.get(goodId);
            for (String fact : List.of("database", "objectKey", "sizeBytes", "sha256", "serverVersion", "snapshotAt",
                    "completedAt", "tables", "verification", "verifiedAt", "verificationDetail", "encryptionKeyId")) {
                assertThat(known.get(fact)).as(fact).isEqualTo(verified.get(fact));
            }
            assertThat(known).containsEntry("status", "COMPLETED").containsEntry("bucket", Buckets.TERTIARY);
            assertThat(BackupApi.list(known.get("copies"))).singleElement().satisfies(c -> assertThat(c)
                    .containsEntry("tier", "tertiary").containsEntry("status", "COPIED")
                    .containsEntry("sha256", verified.get("sha256")));

            Map<String, Object> again = drSite.post("/api/catalog/rebuild", "{\"from\": \"tertiary\"}").getBody();
            assertThat(BackupApi.list(again.get("imported"))).noneMatch(i -> goodId.equals(i.get("backupId")));
            assertThat(BackupApi.list(again.get("skippedAsKnown"))).anyMatch(i -> goodId.equals(i.get("backupId")));

            // the newest verified backup taken before an instant, from the tertiary's copy, the only one this site
            // knows; it decrypts with the key of the catalogue's key id (kept off-site, configured here as there)
            String target = "rebuilt_" + UUID.randomUUID().toString().substring(0, 8);
            ResponseEntity<Map<String, Object>> restore = drSite.post("/api/restores", "{\"database\": \"foodtruck\", "
                    + "\"before\": \"" + java.time.Instant.now() + "\", \"targetDatabase\": \"" + target + "\"}");
            assertThat(restore.getStatusCode()).as(String.valueOf(restore.getBody())).isEqualTo(HttpStatus.ACCEPTED);
            Map<String, Object> restored = drSite.await(goodId, b -> BackupApi.list(b.get("restores")).stream()
                    .anyMatch(r -> !"RUNNING".equals(r.get("status"))));
            assertThat(BackupApi.list(restored.get("restores"))).singleElement().satisfies(r -> assertThat(r)
                    .as(String.valueOf(r.get("failure"))).containsEntry("status", "RESTORED"));

            // what was restored is what the manifest says: every table's rows and checksum
            try (java.sql.Connection restoredDb = engines.postgres().dataSource(target).getConnection()) {
                List<Map<String, Object>> read = Manifest.read(restoredDb).stream().map(t -> Map.<String, Object>of(
                        "table", t.table(), "rows", t.rows(), "md5", t.md5())).toList();
                List<Map<String, Object>> manifest = BackupApi.list(known.get("tables")).stream().map(t -> Map.<String, Object>of(
                        "table", t.get("table"), "rows", ((Number) t.get("rows")).longValue(), "md5", t.get("md5"))).toList();
                assertThat(read).as("the restored database against the catalogue's manifest").isNotEmpty()
                        .containsExactlyInAnyOrderElementsOf(manifest);
            }
        }
    }

    private static HttpStatus status(TestRestTemplate http, String backupId) {
        return HttpStatus.valueOf(http.exchange("/api/backups/" + backupId, HttpMethod.GET, null, BackupApi.JSON)
                .getStatusCode().value());
    }

    private BackupCatalog catalogOf(String objectKey) throws Exception {
        return CatalogJson.read(s3.getObjectAsBytes(r -> r.bucket(Buckets.TERTIARY).key(objectKey + ".catalog.json"))
                .asByteArray());
    }

    /** The tertiary's catalogue object of the dump, once it says what {@code done} waits for. */
    private BackupCatalog awaitCatalog(String objectKey, Predicate<BackupCatalog> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        BackupCatalog seen = null;
        while (true) {
            try {
                seen = catalogOf(objectKey);
                if (done.test(seen)) {
                    return seen;
                }
            } catch (NoSuchKeyException notYet) {
                // written by the catalogue's own processor, after the backup's events
            }
            assertThat(System.nanoTime()).as("waiting for the catalogue of %s in the tertiary: %s", objectKey, seen)
                    .isLessThan(deadline);
            Thread.sleep(250);
        }
    }
}
