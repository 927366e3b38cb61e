package org.drcc.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.drcc.kit.audit.ChainSigner;
import org.drcc.kit.audit.ChainVerifier;
import org.drcc.kit.io.Sha256Out;
import org.springframework.core.io.ClassPathResource;

/**
 * A zip an auditor checks alone: the events of a range from the archive, backup-verification and drill
 * results picked from them, the trail's verification, the control mapping, and a manifest with the
 * SHA-256 of every file, signed with the audit key whose public half is included. Streamed: see {@link #write}.
 */
class EvidencePack {

    private final ChainVerifier chain;
    private final ChainSigner signer;
    private final ObjectMapper json;
    private final Clock clock;

    EvidencePack(ChainVerifier chain, ChainSigner signer, ObjectMapper json, Clock clock) {
        this.chain = chain;
        this.signer = signer;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The trail's verification, as chain-verification.json: done before the first byte of the pack is sent,
     * so a store that cannot be read is still an error response, not a broken download. It names the archive's
     * copy the pack is read from (the primary, or the off-site copy when the primary's store is gone).
     */
    byte[] verification(ArchiveCopy copy) throws IOException {
        ObjectNode verification = json.createObjectNode();
        verification.set("incidentEventStore", json.valueToTree(chain.verify()));
        verification.set("archive", json.valueToTree(copy.verify()));
        verification.putObject("archiveCopy").put("name", copy.name()).put("bucket", copy.bucket()).put("store", copy.store());
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(verification);
    }

    /**
     * Streams the pack: the events go straight from the archive into the zip, each entry's SHA-256 is computed
     * while it is written, and the manifest, which lists them, is written and signed last. Memory stays flat
     * whatever the range; the two subsets (backup verifications, drills) wait in temporary files meanwhile.
     */
    void write(ArchiveReader reader, Instant from, Instant to, byte[] verification, OutputStream out) throws IOException {
        Path verifications = Files.createTempFile("evidence-backup-verifications", ".ndjson");
        Path drills = Files.createTempFile("evidence-drills", ".ndjson");
        Map<String, Sha256Out> files = new LinkedHashMap<>();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            try (OutputStream verificationLines = new BufferedOutputStream(Files.newOutputStream(verifications));
                 OutputStream drillLines = new BufferedOutputStream(Files.newOutputStream(drills))) {
                Sha256Out events = entry(zip, "events.ndjson", files);
                reader.replay(ArchiveQuery.range(from, to), line -> {
                    try {
                        byte[] bytes = lineBytes(line);
                        events.write(bytes);
                        String type = line.path("headers").path("ce_type").asText("");
                        if (type.startsWith("dr.backup.verified.") || type.startsWith("dr.backup.verification-failed.")) {
                            verificationLines.write(bytes);
                        }
                        JsonNode payload = line.path("payload");
                        if (type.startsWith("dr.drill.") || payload.path("drill").asBoolean(false)
                                || payload.path("targets").path("drill").asBoolean(false)) {
                            drillLines.write(bytes);
                        }
                        return true;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                zip.closeEntry();
            }
            copy(zip, "backup-verifications.ndjson", verifications, files);
            copy(zip, "drills.ndjson", drills, files);
            put(zip, "chain-verification.json", verification, files);
            put(zip, "controls.md", resource("evidence/controls.md"), files);
            put(zip, "README.txt", resource("evidence/README.txt"), files);
            put(zip, "public-key.pem", pem(signer.publicKey()), files);
            Map<String, Sum> sums = new LinkedHashMap<>();
            files.forEach((name, hashed) -> sums.put(name, new Sum(hashed.sha256(), hashed.count())));
            StringBuilder lines = new StringBuilder();
            sums.forEach((name, sum) -> lines.append(sum.sha256()).append("  ").append(name).append('\n'));
            byte[] manifest = manifest(from, to, sums);
            put(zip, "SHA256SUMS", lines.toString().getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>());
            put(zip, "manifest.json", manifest, new LinkedHashMap<>());
            put(zip, "manifest.json.sig", signer.sign(manifest), new LinkedHashMap<>());
        } finally {
            Files.deleteIfExists(verifications);
            Files.deleteIfExists(drills);
        }
    }

    private record Sum(String sha256, long bytes) {
    }

    private static Sha256Out entry(ZipOutputStream zip, String name, Map<String, Sha256Out> files)
            throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Sha256Out hashed = new Sha256Out(zip);
        files.put(name, hashed);
        return hashed;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes, Map<String, Sha256Out> files)
            throws IOException {
        entry(zip, name, files).write(bytes);
        zip.closeEntry();
    }

    private static void copy(ZipOutputStream zip, String name, Path file, Map<String, Sha256Out> files)
            throws IOException {
        Sha256Out hashed = entry(zip, name, files);
        Files.copy(file, hashed);
        zip.closeEntry();
    }

    private byte[] manifest(Instant from, Instant to, Map<String, Sum> files) throws IOException {
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
        files.forEach((name, sum) -> list.addObject().put("name", name).put("sha256", sum.sha256())
                .put("bytes", sum.bytes()));
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
