package org.drcc.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.drcc.kit.audit.ChainSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pack streams: bytes leave before the archive is read to the end, and the signed manifest comes last. */
class EvidencePackTest {

    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-02T00:00:00Z");
    private static final int EVENTS = 30_000;

    private final ObjectMapper json = new ObjectMapper();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private long sentBeforeTheLastEvent = -1;

    @Test
    void eventsAreWrittenWhileTheArchiveIsReadAndTheSignedManifestIsTheLastEntry(@TempDir Path dir) throws Exception {
        ChainSigner signer = ChainSigner.fromFile(dir.resolve("audit.key"));
        EvidencePack pack = new EvidencePack(null, signer, json, Clock.fixed(TO, ZoneOffset.UTC));

        pack.write(new SyntheticArchive(), FROM, TO, "{\"intact\":true}".getBytes(StandardCharsets.UTF_8), out);

        assertThat(sentBeforeTheLastEvent).as("bytes sent before the last event was read")
                .isGreaterThan(out.size() / 2L);
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                names.add(entry.getName());
            }
        }
        assertThat(names).containsExactly("events.ndjson", "backup-verifications.ndjson", "drills.ndjson",
                "chain-verification.json", "controls.md", "README.txt", "public-key.pem", "SHA256SUMS",
                "manifest.json", "manifest.json.sig");

        Map<String, byte[]> files = IndependentEvidenceCheck.unzip(out.toByteArray());
        assertThat(IndependentEvidenceCheck.problems(files)).isEmpty();
        JsonNode manifest = json.readTree(files.get("manifest.json"));
        for (JsonNode file : manifest.get("files")) {
            assertThat(file.get("bytes").asLong()).as(file.toString()).isEqualTo(files.get(file.get("name").asText()).length);
        }
        assertThat(manifest.get("files")).hasSize(7);
        String sums = new String(files.get("SHA256SUMS"), StandardCharsets.UTF_8);
        assertThat(sums.lines()).hasSize(7).allMatch(l -> l.matches("[0-9a-f]{64}  \\S+"));
        assertThat(new String(files.get("events.ndjson"), StandardCharsets.UTF_8).lines()).hasSize(EVENTS);
        assertThat(new String(files.get("backup-verifications.ndjson"), StandardCharsets.UTF_8).lines())
                .hasSize(EVENTS / 100).allMatch(l -> l.contains("dr.backup.verified.v1"));
        assertThat(new String(files.get("drills.ndjson"), StandardCharsets.UTF_8).lines())
                .hasSize(EVENTS / 50 - EVENTS / 100).allMatch(l -> l.contains("dr.drill.passed.v1"));
        assertThat(new String(files.get("chain-verification.json"), StandardCharsets.UTF_8)).isEqualTo("{\"intact\":true}");
    }

    /** An archive of EVENTS lines, each with some random-ish text so the zip cannot shrink it to nothing. */
    private final class SyntheticArchive extends ArchiveReader {

        SyntheticArchive() {
            super(null, null, null, null, null);
        }

        @Override
        void replay(ArchiveQuery query, Predicate<JsonNode> sink) {
            for (int i = 0; i < EVENTS; i++) {
                if (i == EVENTS - 1) {
                    sentBeforeTheLastEvent = out.size();
                }
                String type = i % 100 == 0 ? "dr.backup.verified.v1" : i % 50 == 0 ? "dr.drill.passed.v1" : "dr.incident.note-added.v1";
                var line = json.createObjectNode();
                line.putObject("headers").put("ce_type", type).put("ce_id", java.util.UUID.randomUUID().toString());
                line.putObject("payload").put("n", i).put("text", Long.toHexString(Double.doubleToLongBits(Math.random())));
                sink.test(line);
            }
        }
    }
}
