package org.drcc.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.drcc.contract.audit.ArchiveVerificationFailedEvent;
import org.drcc.contract.audit.ArchiveVerifiedEvent;
import org.drcc.contract.audit.AuditEvent;
import org.drcc.engines.Engines;
import org.drcc.kit.audit.ChainSigner;
import org.drcc.kit.s3.BucketStore;
import org.drcc.kit.s3.S3Clients;
import org.drcc.kit.s3.S3Settings;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.core.KafkaAdmin;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The scheduled verification on the real engines: two copies of an archive (two buckets), each written by its own
 * archiver; a verification says each one intact as an event, then names the segment deleted from the off-site copy
 * while the primary stays proved intact; a copy whose store does not answer is left unsaid.
 */
@WithEngines(database = "incident")
class ArchiveVerificationsIT {

    static final String TOPIC = "dr.verifications.events";

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private final ArchiveProperties settings = new ArchiveProperties(true, "verifications-it", "dr\\.verifications\\.events",
            "verifications-it", 3, Duration.ofSeconds(1), 1, 4,
            new ArchiveProperties.Offsite(null, null, null, null, null, "verifications-it-offsite"));
    private final List<Published> published = new CopyOnWriteArrayList<>();

    record Published(String key, AuditEvent event) {
    }

    @Test
    void eachCopyIsProvedIntactByAnEventAndABreakInOneIsNamedWhileTheOtherStaysProved(Engines engines) throws Exception {
        try (S3Client s3 = S3Clients.build(new S3Settings.Store(engines.s3Endpoint(), "dr-local", "dr-local-secret", "us-east-1"));
             S3Client nowhere = S3Clients.build(new S3Settings.Store(URI.create("http://127.0.0.1:1"), "dr-local",
                     "dr-local-secret", "us-east-1"))) {
            ChainSigner signer = ChainSigner.fromFile(dir.resolve("archive-audit.key"));
            new BucketStore(s3, "verifications-it").createIfMissing();
            new BucketStore(s3, "verifications-it-offsite").createIfMissing();
            ClusterSwitchIT.publish(engines.bootstrapServers(), TOPIC, "v", 5);
            ArchiveCopy primary = copy(ArchiveCopy.PRIMARY, new BucketStore(s3, "verifications-it"), settings.groupId(),
                    signer, engines.bootstrapServers());
            ArchiveCopy offsite = copy(ArchiveCopy.OFFSITE, new BucketStore(s3, "verifications-it-offsite"),
                    settings.offsite().groupId(), signer, engines.bootstrapServers());
            for (ArchiveCopy copy : List.of(primary, offsite)) {
                copy.archiver().start();
            }
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> primary.verify().eventsChecked() == 5
                        && offsite.verify().eventsChecked() == 5);
            } finally {
                primary.archiver().stop();
                offsite.archiver().stop();
            }

            Verdicts verdicts = verdicts(engines);
            ArchiveVerifications verifications = new ArchiveVerifications(new ArchiveCopies(List.of(offsite, primary)),
                    (key, id, event) -> published.add(new Published(key, event)), verdicts, Clock.systemUTC());
            assertThat(verdicts.intact("primary")).as("before the first verification").isNaN();
            verifications.verifyAll();
            assertThat(published).extracting(Published::key).containsExactly("verifications-it", "verifications-it-offsite");
            assertThat(published).extracting(Published::event).allSatisfy(event -> {
                assertThat(event).isInstanceOf(ArchiveVerifiedEvent.class);
                ArchiveVerifiedEvent verified = (ArchiveVerifiedEvent) event;
                assertThat(verified.eventsChecked()).isEqualTo(5);
                assertThat(verified.segmentsChecked()).isEqualTo(2);
                assertThat(verified.clusters()).isEqualTo(1);
                assertThat(verified.actor()).isEqualTo("archiver");
            });
            assertThat(published).extracting(p -> ((ArchiveVerifiedEvent) p.event()).copy()).containsExactly("primary", "offsite");
            assertThat(verdicts.intact("primary")).isEqualTo(1);
            assertThat(verdicts.intact("offsite")).isEqualTo(1);
            assertThat(verdicts.ageSeconds("offsite")).isBetween(0.0, 60.0);

            String segment = new BucketStore(s3, "verifications-it-offsite").list("").stream()
                    .filter(k -> k.endsWith("00000000000000000000-00000000000000000002.jsonl.gz")).findFirst().orElseThrow();
            s3.deleteObject(r -> r.bucket("verifications-it-offsite").key(segment));
            published.clear();
            verifications.verifyAll();
            assertThat(published.get(0).event()).isInstanceOf(ArchiveVerifiedEvent.class);
            ArchiveVerificationFailedEvent failed = (ArchiveVerificationFailedEvent) published.get(1).event();
            assertThat(published.get(1).key()).isEqualTo("verifications-it-offsite");
            assertThat(failed.copy()).isEqualTo("offsite");
            assertThat(failed.breakKind()).isEqualTo("MISSING_SEGMENT");
            assertThat(failed.breakObject()).isEqualTo(segment);
            assertThat(verdicts.intact("primary")).isEqualTo(1);
            assertThat(verdicts.intact("offsite")).isZero();
            // kept in the database: another instance (or this one after a restart) reports the same verdicts
            Verdicts elsewhere = verdicts(engines);
            assertThat(elsewhere.intact("offsite")).isZero();
            assertThat(elsewhere.intact("primary")).isEqualTo(1);

            // a store that does not answer: no verdict either way, the other copy still proved
            ArchiveCopy unreachable = copy(ArchiveCopy.OFFSITE, new BucketStore(nowhere, "verifications-it-offsite"),
                    settings.offsite().groupId(), signer, engines.bootstrapServers());
            Verdicts fresh = verdicts(engines);
            fresh.record(offsite, offsite.verify(), java.time.Instant.now().minus(Duration.ofDays(2)));
            ArchiveVerifications withAStoreDown = new ArchiveVerifications(new ArchiveCopies(List.of(primary, unreachable)),
                    (key, id, event) -> published.add(new Published(key, event)), fresh, Clock.systemUTC());
            published.clear();
            withAStoreDown.verifyAll();
            assertThat(published).extracting(Published::key).containsExactly("verifications-it");
            assertThat(fresh.intact("offsite")).as("the last verdict stands").isZero();
            assertThat(fresh.ageSeconds("offsite")).as("and grows old").isGreaterThan(Duration.ofDays(1).toSeconds());
        }
    }

    /** The verdicts in this class's database, its table made as the host's Flyway callback makes it. */
    private static Verdicts verdicts(Engines engines) throws Exception {
        javax.sql.DataSource database = engines.postgres().dataSource("incident");
        try (var in = ArchiveVerificationsIT.class.getResourceAsStream("/db/archive/afterMigrate__archive_verification.sql");
             var connection = database.getConnection()) {
            connection.createStatement().execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return new Verdicts(org.springframework.jdbc.core.simple.JdbcClient.create(database), Clock.systemUTC());
    }

    /** One copy's parts, wired as the auto-configuration wires them, on the bucket {@code store}. */
    private ArchiveCopy copy(String name, BucketStore store, String groupId, ChainSigner signer, String bootstrap) {
        return ArchiveAutoConfiguration.copy(name, store, groupId, settings, Map.of("bootstrap.servers", bootstrap),
                new KafkaAdmin(Map.of("bootstrap.servers", bootstrap)), (key, id, event) -> { }, json, signer,
                Clock.systemUTC(), ClusterSwitchIT.READS);
    }
}
