package org.drcc.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** What an auditor does with the pack, with the JDK alone and nothing of the project: what is wrong, if anything. */
public final class IndependentEvidenceCheck {

    private IndependentEvidenceCheck() {
    }

    public static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    public static List<String> problems(Map<String, byte[]> files) throws Exception {
        List<String> problems = new ArrayList<>();
        String pem = new String(files.get("public-key.pem"), StandardCharsets.US_ASCII);
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""))));
        Signature signature = Signature.getInstance("Ed25519");
        signature.initVerify(key);
        signature.update(files.get("manifest.json"));
        if (!signature.verify(files.get("manifest.json.sig"))) {
            problems.add("manifest.json: signature not valid");
        }
        JsonNode manifest = new ObjectMapper().readTree(files.get("manifest.json"));
        for (JsonNode file : manifest.get("files")) {
            byte[] bytes = files.get(file.get("name").asText());
            String actual = bytes == null ? "missing"
                    : HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            if (!actual.equals(file.get("sha256").asText())) {
                problems.add(file.get("name").asText() + ": SHA-256 differs from the manifest");
            }
        }
        return problems;
    }
}
