package org.drcc.backup.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dump sealed for one backup opens with its key id's key, and with nothing else. */
class DumpEnvelopesTest {

    private static final String ID = "0c1d2e3f-0000-4000-8000-000000000016";

    @TempDir
    Path keys;

    private DumpEnvelopes envelopes(String active, String... ids) throws Exception {
        Map<String, Path> files = new java.util.HashMap<>();
        for (String id : ids) {
            files.put(id, keys.resolve(id + ".json"));
        }
        return new DumpEnvelopes(new KeyEncryptionKeys(new EncryptionSettings(files, active, true)));
    }

    /** More than two 1 MB segments of a dump-like text, so segment boundaries are crossed. */
    private static byte[] dump() {
        byte[] dump = new byte[2_500_000];
        Random random = new Random(16);
        for (int i = 0; i < dump.length; i++) {
            dump[i] = (byte) ("PGDMP customer erin@example.com ".charAt(random.nextInt(32)));
        }
        return dump;
    }

    private static byte[] seal(DumpEnvelopes envelopes, byte[] clear, String keyId, String backupId) throws IOException {
        ByteArrayOutputStream stored = new ByteArrayOutputStream();
        try (OutputStream sealed = envelopes.seal(stored, keyId, backupId, "foodtruck")) {
            sealed.write(clear);
        }
        return stored.toByteArray();
    }

    private static byte[] open(DumpEnvelopes envelopes, byte[] stored, String keyId, String backupId) throws IOException {
        try (InputStream clear = envelopes.open(new ByteArrayInputStream(stored), keyId, backupId, "foodtruck")) {
            return clear.readAllBytes();
        }
    }

    @Test
    void aSealedDumpHoldsNoClearTextAndOpensWithItsKey() throws Exception {
        DumpEnvelopes envelopes = envelopes("k1", "k1");
        byte[] clear = dump();

        byte[] stored = seal(envelopes, clear, "k1", ID);

        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).startsWith("DRCCENC1")
                .doesNotContain("erin@example.com", "PGDMP");
        assertThat(open(envelopes, stored, "k1", ID)).isEqualTo(clear);
        assertThat(seal(envelopes, clear, "k1", ID)).as("a new data key each time").isNotEqualTo(stored);
    }

    @Test
    void aRotatedKeyLeavesOldBackupsRestorableWithTheOldKeyId() throws Exception {
        byte[] clear = dump();
        byte[] old = seal(envelopes("k1", "k1"), clear, "k1", ID);

        DumpEnvelopes rotated = envelopes("k2", "k1", "k2");

        assertThat(rotated.activeKeyId()).isEqualTo("k2");
        assertThat(open(rotated, old, "k1", ID)).isEqualTo(clear);
        assertThat(open(rotated, seal(rotated, clear, "k2", ID), "k2", ID)).isEqualTo(clear);
    }

    @Test
    void anotherKeyUnderTheSameIdIsAClearErrorNamingTheKeyIdBeforeAnyByteIsGivenOut() throws Exception {
        byte[] stored = seal(envelopes("k1", "k1"), dump(), "k1", ID);
        Files.move(keys.resolve("k1.json"), keys.resolve("k1.lost"));
        DumpEnvelopes elsewhere = envelopes("k1", "k1"); // a new key file made under the old id

        assertThatThrownBy(() -> elsewhere.open(new ByteArrayInputStream(stored), "k1", ID, "foodtruck"))
                .isInstanceOf(DecryptionFailedException.class)
                .hasMessageContaining("key id 'k1'").hasMessageContaining(ID)
                .hasMessageNotContaining(Files.readString(keys.resolve("k1.json")));
    }

    @Test
    void aMissingKeyIdIsRefusedNamingTheIdAndItsSetting() throws Exception {
        byte[] stored = seal(envelopes("k1", "k1"), dump(), "k1", ID);

        assertThatThrownBy(() -> envelopes("k2", "k2").open(new ByteArrayInputStream(stored), "k1", ID, "foodtruck"))
                .isInstanceOf(MissingEncryptionKeyException.class)
                .hasMessageContaining("'k1'").hasMessageContaining("dr.backup.encryption.keys.k1");
    }

    @Test
    void aDumpCannotBePassedOffAsAnotherBackupsNorAlteredNorCutShort() throws Exception {
        DumpEnvelopes envelopes = envelopes("k1", "k1");
        byte[] stored = seal(envelopes, dump(), "k1", ID);

        assertThatThrownBy(() -> open(envelopes, stored, "k1", "another-backup"))
                .isInstanceOf(DecryptionFailedException.class);
        byte[] altered = stored.clone();
        altered[altered.length / 2] ^= 1;
        assertThatThrownBy(() -> open(envelopes, altered, "k1", ID)).isInstanceOf(IOException.class);
        byte[] cut = Arrays.copyOf(stored, stored.length - 1_100_000);
        assertThatThrownBy(() -> open(envelopes, cut, "k1", ID)).isInstanceOf(IOException.class);
    }

    @Test
    void aBackupFromBeforeEncryptionReadsAsItIs() throws Exception {
        DumpEnvelopes envelopes = envelopes("k1", "k1");
        byte[] plain = "PGDMP plain".getBytes(StandardCharsets.US_ASCII);

        assertThat(open(envelopes, plain, null, ID)).isEqualTo(plain);
        assertThat(envelopes.canOpen(null)).isTrue();
        assertThat(envelopes.canOpen("k9")).isFalse();
    }

    @Test
    void theActiveKeyIsCreatedForItsOwnerOnlyWhenAskedAndOtherwiseItsAbsenceStopsTheStart() throws Exception {
        envelopes("k1", "k1");
        assertThat(Files.getPosixFilePermissions(keys.resolve("k1.json")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));

        Map<String, Path> missing = Map.of("k3", keys.resolve("k3.json"));
        assertThatThrownBy(() -> new KeyEncryptionKeys(new EncryptionSettings(missing, "k3", false)))
                .hasMessageContaining("dr.backup.encryption.keys.k3");
        assertThatThrownBy(() -> new KeyEncryptionKeys(new EncryptionSettings(Map.of(), "k3", false)))
                .hasMessageContaining("active-key-id");
        assertThat(Files.exists(keys.resolve("k3.json"))).isFalse();
    }
}
