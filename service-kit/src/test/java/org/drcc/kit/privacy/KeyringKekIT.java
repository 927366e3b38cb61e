package org.drcc.kit.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.drcc.contract.incident.IncidentRole;
import org.drcc.contract.incident.RoleAssignedEvent;
import org.drcc.engines.Engines;
import org.drcc.testsupport.WithEngines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The keyring's keys are wrapped by a key-encryption key kept outside the database, on a real PostgreSQL: a
 * copy of the keyring tables opens no sealed field, the KEK does; keys an older version stored in clear are
 * wrapped at start; a rotation wraps new keys with the new KEK and re-wraps the old ones, after which the old
 * KEK is no longer needed.
 */
@WithEngines(database = "incident")
class KeyringKekIT {

    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path keys;

    private JdbcClient jdbc;

    @BeforeEach
    void freshKeyringDatabase(Engines engines) {
        DataSource database = engines.postgres().newDatabase("keyring");
        Keyring.migrate(database);
        jdbc = JdbcClient.create(database);
    }

    private Keyring keyring(Path kekFile) {
        return new Keyring(jdbc, KeyEncryptionKey.fromFile(kekFile), Duration.ZERO, Clock.systemUTC(), null);
    }

    private static ObjectMapper sealing(Keyring keyring) {
        return JsonMapper.builder().addModule(new JavaTimeModule())
                .addModule(new PersonalDataModule(new PersonalDataCipher(keyring))).build();
    }

    @Test
    void theKeyringTablesAloneOpenNoSealedFieldTheKekDoes() throws Exception {
        Path kekFile = keys.resolve("keyring-kek.json");
        String stored = sealing(keyring(kekFile)).writeValueAsString(assigned("alice"));
        String sealed = field(stored, "person");

        assertThat(Files.getPosixFilePermissions(kekFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        UUID alice = PersonalDataCipher.subjectOf(sealed).orElseThrow();
        byte[] row = jdbc.sql("SELECT data_key FROM keyring.person_key WHERE subject_id = ?").param(alice)
                .query(byte[].class).single();
        assertThat(openWithRawKey(sealed, row)).as("the stored key bytes do not open the field").isNull();
        assertThat(kekIds()).doesNotContainNull();

        assertThatThrownBy(() -> sealing(keyring(keys.resolve("another-kek.json"))).readValue(stored, RoleAssignedEvent.class))
                .as("another KEK opens nothing").hasStackTraceContaining("does not unwrap");
        assertThat(sealing(keyring(kekFile)).readValue(stored, RoleAssignedEvent.class).person()).isEqualTo("alice");
    }

    @Test
    void keysStoredInClearByAnOlderVersionAreWrappedAtStart() throws Exception {
        byte[] clearKey = new byte[32];
        new SecureRandom().nextBytes(clearKey);
        UUID subject = UUID.randomUUID();
        jdbc.sql("INSERT INTO keyring.person_key (subject_id, lookup, data_key) VALUES (?, ?, ?)")
                .params(subject, new byte[] {1, 2, 3}, clearKey).update();
        String sealedBefore = sealWithRawKey(subject, clearKey, "bob");
        assertThat(openWithRawKey(sealedBefore, clearKey)).as("the old, clear row opens it").isEqualTo("bob");

        Keyring keyring = keyring(keys.resolve("keyring-kek.json"));
        assertThat(keyring.wrapClearKeys()).isEqualTo(1);

        byte[] row = jdbc.sql("SELECT data_key FROM keyring.person_key WHERE subject_id = ?").param(subject)
                .query(byte[].class).single();
        assertThat(openWithRawKey(sealedBefore, row)).as("the table no longer holds the clear key").isNull();
        assertThat(new PersonalDataCipher(keyring).open(sealedBefore)).as("the KEK opens it").isEqualTo("bob");
        assertThat(keyring.wrapClearKeys()).as("once only").isZero();
    }

    @Test
    void aRotationWrapsNewKeysWithTheNewKekAndReWrapsTheOldOnes() throws Exception {
        Path kekFile = keys.resolve("keyring-kek.json");
        Keyring keyring = keyring(kekFile);
        String before = sealing(keyring).writeValueAsString(assigned("carol"));
        long oldKek = keyring.kekId();
        byte[] oldKeyset = Files.readAllBytes(kekFile);

        long newKek = KeyEncryptionKey.addPrimaryKey(kekFile);
        assertThat(newKek).isNotEqualTo(oldKek);
        String after = sealing(keyring).writeValueAsString(assigned("dave"));
        assertThat(kekIds()).as("new keys under the new KEK, old ones readable under the old")
                .containsExactlyInAnyOrder(oldKek, oldKek, oldKek, newKek); // carol, bob, the HMAC secret; dave
        assertThat(sealing(keyring).readValue(before, RoleAssignedEvent.class).person()).isEqualTo("carol");

        assertThat(keyring.rotate()).as("carol's key, bob's (the actor) and the HMAC secret").isEqualTo(3);
        assertThat(kekIds()).containsOnly(newKek);
        String rotated = Files.readString(kekFile);

        // the old KEK alone opens nothing any more; a keyset with only the new key opens everything
        Files.write(kekFile, oldKeyset);
        assertThatThrownBy(() -> sealing(keyring(kekFile)).readValue(before, RoleAssignedEvent.class))
                .hasStackTraceContaining("does not unwrap");
        Files.writeString(kekFile, onlyThePrimaryKey(rotated));
        Keyring afterRotation = keyring(kekFile);
        assertThat(sealing(afterRotation).readValue(before, RoleAssignedEvent.class).person()).isEqualTo("carol");
        assertThat(sealing(afterRotation).readValue(after, RoleAssignedEvent.class).person()).isEqualTo("dave");
    }

    /** What an operator does once a rotation re-wrapped everything (tinkey delete-key): the old keys go. */
    private static String onlyThePrimaryKey(String keyset) throws Exception {
        KeysetHandle handle = TinkJsonProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get());
        KeysetHandle.Entry primary = handle.getPrimary();
        KeysetHandle only = KeysetHandle.newBuilder()
                .addEntry(KeysetHandle.importKey(primary.getKey()).withFixedId(primary.getId()).makePrimary()).build();
        assertThat(only.size()).isEqualTo(1);
        return TinkJsonProtoKeysetFormat.serializeKeyset(only, InsecureSecretKeyAccess.get());
    }

    private List<Long> kekIds() {
        return jdbc.sql("SELECT kek_id FROM keyring.person_key UNION ALL SELECT kek_id FROM keyring.keyring_secret")
                .query(Long.class).list();
    }

    private static RoleAssignedEvent assigned(String person) {
        return new RoleAssignedEvent("inc-1", null, IncidentRole.DATABASE_ADMINISTRATOR, person, null, "bob", T);
    }

    private static String field(String json, String name) throws Exception {
        return new ObjectMapper().readTree(json).get(name).asText();
    }

    /** What an attacker with the table's bytes could try: use them as the AES key; null when it does not open. */
    private static String openWithRawKey(String sealed, byte[] rawKey) {
        UUID subject = PersonalDataCipher.subjectOf(sealed).orElseThrow();
        byte[] in = Base64.getUrlDecoder().decode(sealed.substring(PersonalDataCipher.PREFIX.length() + 37));
        for (int at = 0; at + 32 <= rawKey.length; at++) {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Arrays.copyOfRange(rawKey, at, at + 32), "AES"),
                        new GCMParameterSpec(128, in, 0, 12));
                cipher.updateAAD((PersonalDataCipher.PREFIX + subject).getBytes(StandardCharsets.UTF_8));
                return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
            } catch (java.security.GeneralSecurityException e) {
                // not this window of bytes
            }
        }
        return null;
    }

    private static String sealWithRawKey(UUID subject, byte[] key, String value) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        cipher.updateAAD((PersonalDataCipher.PREFIX + subject).getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
        return PersonalDataCipher.PREFIX + subject + ":" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
    }
}
