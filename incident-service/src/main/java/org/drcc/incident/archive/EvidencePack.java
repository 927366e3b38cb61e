package org.drcc.incident.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.drcc.kit.audit.ChainSigner;
import org.drcc.kit.audit.ChainVerifier;
import org.springframework.core.io.ClassPathResource;

/**
 * A zip an auditor checks alone: the events of a range from the archive, backup-verification and drill
 * results picked from them, the trail's verification, the control mapping, and a manifest with the
 * SHA-256 of every file, signed with the audit key whose public half is included.
 */
class EvidencePack {

    private final ArchiveReader reader;
    private final ArchiveVerifier archive;
    private final ChainVerifier chain;
    private final ChainSigner signer;
    private final ArchiveProperties settings;
    private final ObjectMapper json;
    private final Clock clock;

    EvidencePack(ArchiveReader reader, ArchiveVerifier archive, ChainVerifier chain, ChainSigner signer,
                 ArchiveProperties settings, ObjectMapper json, Clock clock) {
        this.reader = reader;
        this.archive = archive;
        this.chain = chain;
        this.signer = signer;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    void write(Instant from, Instant to, OutputStream out) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        ByteArrayOutputStream events = new ByteArrayOutputStream();
        ByteArrayOutputStream verifications = new ByteArrayOutputStream();
        ByteArrayOutputStream drills = new ByteArrayOutputStream();
        reader.replay(ArchiveQuery.range(from, to), line -> {
            byte[] bytes = lineBytes(line);
            events.writeBytes(bytes);
            String type = line.path("headers").path("ce_type").asText("");
            if (type.startsWith("dr.backup.verified.") || type.startsWith("dr.backup.verification-failed.")) {
                verifications.writeBytes(bytes);
            }
            JsonNode payload = line.path("payload");
            if (type.startsWith("dr.drill.") || payload.path("drill").asBoolean(false)
                    || payload.path("targets").path("drill").asBoolean(false)) {
                drills.writeBytes(bytes);
            }
            return true;
        });
        files.put("events.ndjson", events.toByteArray());
        files.put("backup-verifications.ndjson", verifications.toByteArray());
        files.put("drills.ndjson", drills.toByteArray());
        ObjectNode verification = json.createObjectNode();
        verification.set("incidentEventStore", json.valueToTree(chain.verify()));
        verification.set("archive", json.valueToTree(archive.verify(settings.groupId())));
        files.put("chain-verification.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(verification));
        files.put("controls.md", resource("evidence/controls.md"));
        files.put("README.txt", resource("evidence/README.txt"));
        files.put("public-key.pem", pem(signer.publicKey()));
        byte[] manifest = manifest(from, to, files);
        StringBuilder sums = new StringBuilder();
        files.forEach((name, bytes) -> sums.append(SegmentWriter.sha256(bytes)).append("  ").append(name).append('\n'));
        files.put("SHA256SUMS", sums.toString().getBytes(StandardCharsets.UTF_8));
        files.put("manifest.json", manifest);
        files.put("manifest.json.sig", signer.sign(manifest));
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
    }

    private byte[] manifest(Instant from, Instant to, Map<String, byte[]> files) throws IOException {
        ObjectNode manifest = json.createObjectNode();
        manifest.put("format", "drcc-evidence-pack-v1");
        manifest.put("from", from.toString());
        manifest.put("to", to.toString());
        manifest.put("toIsExclusive", true);
        manifest.put("generatedAt", clock.instant().toString());
        manifest.put("signatureAlgorithm", "Ed25519");
        manifest.put("signature", "manifest.json.sig (raw 64-byte Ed25519 signature of this file's bytes)");
        manifest.put("keyId", signer.keyId());
        ArrayNode list = manifest.putArray("files");
        files.forEach((name, bytes) -> list.addObject().put("name", name).put("sha256", SegmentWriter.sha256(bytes))
                .put("bytes", bytes.length));
        ObjectNode controls = manifest.putObject("controls");
        controls.putArray("SOC 2").add("A1.2").add("A1.3").add("CC7.4").add("CC7.5");
        controls.putArray("ISO/IEC 27001:2022").add("A.5.29").add("A.5.30").add("A.8.13");
        manifest.put("controlMapping", "controls.md");
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
    }

    private byte[] lineBytes(JsonNode line) {
        try {
            byte[] bytes = json.writeValueAsBytes(line);
            byte[] withNewline = new byte[bytes.length + 1];
            System.arraycopy(bytes, 0, withNewline, 0, bytes.length);
            withNewline[bytes.length] = '\n';
            return withNewline;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] pem(byte[] x509) {
        return ("-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(x509) + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] resource(String path) throws IOException {
        try (var in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        }
    }
}
