package org.drcc.kit.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One AES-256 key per person, in the keyring database every service shares. A person is found by an
 * HMAC of their identifier (a user name or an address, case-insensitive) under the keyring's own
 * secret, so the table holds no names. Forgetting deletes the key and the lookup: what was encrypted
 * with the key can no longer be read anywhere, and nothing links the subject id back to the person.
 * Every key, and the HMAC secret, is stored wrapped by the {@link KeyEncryptionKey}, which is not in
 * the database: a copy of the database alone opens nothing.
 *
 * <p>Keys are cached for {@code ttl}; an instance that did not do the forgetting stops using a
 * destroyed key within that time.
 */
public final class Keyring implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Keyring.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PEPPER = "keyring keyring_secret pepper";

    record SubjectKey(UUID subject, SecretKey key) {
    }

    private record Cached<T>(T value, Instant until) {
    }

    private final JdbcClient jdbc;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Cached<SubjectKey>> byLookup = new ConcurrentHashMap<>();
    private final Map<UUID, Cached<Optional<SecretKey>>> bySubject = new ConcurrentHashMap<>();
    private final AutoCloseable ownPool;
    private final KeyEncryptionKey kek;
    private volatile byte[] pepper;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /** {@code ownPool}: the keyring's own connection pool, closed with it (null when it borrows the service's). */
    public Keyring(JdbcClient jdbc, KeyEncryptionKey kek, Duration ttl, Clock clock, AutoCloseable ownPool) {
        this.jdbc = jdbc;
        this.kek = kek;
        this.ttl = ttl;
        this.clock = clock;
        this.ownPool = ownPool;
    }

    /**
     * Creates or updates the keyring's tables, in their own schema {@code keyring} with their own Flyway
     * history, so that they can share a database with a service's tables without touching its migrations.
     */
    public static void migrate(javax.sql.DataSource database) {
        org.flywaydb.core.Flyway.configure().dataSource(database).schemas("keyring").createSchemas(true)
                .locations("classpath:db/keyring").load().migrate();
    }

    @Override
    public void close() throws Exception {
        if (ownPool != null) {
            ownPool.close();
        }
    }

    /** The person's key, made on first use. */
    SubjectKey keyFor(String identifier) {
        String lookup = lookup(identifier);
        Cached<SubjectKey> cached = byLookup.get(lookup);
        if (cached != null && cached.until().isAfter(clock.instant())) {
            return cached.value();
        }
        SubjectKey key = find(lookup).orElseGet(() -> create(lookup));
        byLookup.put(lookup, new Cached<>(key, clock.instant().plus(ttl)));
        return key;
    }

    /**
     * The key of a subject, or empty when the person was forgotten. A subject this keyring never had is
     * an error, not a forgotten person: the service is reading another keyring's data (a wrong
     * {@code dr.privacy.keyring.url}), and showing "[forgotten]" for everyone would fake the trail.
     */
    Optional<SecretKey> key(UUID subject) {
        Cached<Optional<SecretKey>> cached = bySubject.get(subject);
        if (cached != null && cached.until().isAfter(clock.instant())) {
            return cached.value();
        }
        Optional<Optional<SecretKey>> row = jdbc.sql("SELECT data_key FROM keyring.person_key WHERE subject_id = ?")
                .param(subject).query((rs, n) -> Optional.ofNullable(rs.getBytes(1)).map(k -> unwrap(subject, k)))
                .optional();
        Optional<SecretKey> key = row.orElseThrow(() -> new UnreadablePersonalDataException("subject " + subject
                + " is not in this keyring: is dr.privacy.keyring.url the keyring the other services use?", null));
        bySubject.put(subject, new Cached<>(key, clock.instant().plus(ttl)));
        return key;
    }

    /** The subject id the person's encrypted fields carry, while the person is known. */
    public Optional<UUID> subjectOf(String identifier) {
        return jdbc.sql("SELECT subject_id FROM keyring.person_key WHERE lookup = ?").param(hmac(identifier))
                .query(UUID.class).optional();
    }

    /** Destroys the person's key and lookup; the subject id, or empty when there was nothing to destroy. */
    public Optional<UUID> forget(String identifier) {
        Optional<UUID> subject = jdbc.sql("""
                        UPDATE keyring.person_key SET data_key = NULL, lookup = NULL, forgotten_at = now()
                        WHERE lookup = ? RETURNING subject_id""")
                .param(hmac(identifier)).query(UUID.class).optional();
        byLookup.remove(lookup(identifier));
        subject.ifPresent(bySubject::remove);
        subject.ifPresent(s -> vacuum());
        return subject;
    }

    private Optional<SubjectKey> find(String lookup) {
        return jdbc.sql("SELECT subject_id, data_key FROM keyring.person_key WHERE lookup = ?")
                .param(HexFormat.of().parseHex(lookup))
                .query((rs, n) -> {
                    UUID subject = rs.getObject(1, UUID.class);
                    return new SubjectKey(subject, unwrap(subject, rs.getBytes(2)));
                }).optional();
    }

    private SubjectKey create(String lookup) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        UUID subject = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO keyring.person_key (subject_id, lookup, data_key, kek_id) VALUES (?, ?, ?, ?)
                        ON CONFLICT (lookup) DO NOTHING""")
                .params(subject, HexFormat.of().parseHex(lookup), kek.wrap(key, context(subject)), kek.primaryId())
                .update();
        // another instance may have made it first: whichever row is there is the person's key
        return find(lookup).orElseThrow(() -> new IllegalStateException("the keyring lost a key it just stored"));
    }

    /** Old row versions keep the destroyed key on disk until PostgreSQL vacuums them: do it now. */
    private void vacuum() {
        try {
            jdbc.sql("VACUUM keyring.person_key").update();
        } catch (RuntimeException e) {
            log.warn("Could not vacuum the keyring after forgetting a person ({}); autovacuum will", e.getMessage());
        }
    }

    /** The keyring's database, for the tables that live beside the keys ({@link Erasures}). */
    JdbcClient database() {
        return jdbc;
    }

    /**
     * The HMAC by which the keyring names a person without their name (trimmed, in any letter case): a table may
     * find a person by it, and nobody without the keyring's pepper can test a guessed address against it.
     */
    public byte[] lookupOf(String identifier) {
        return hmac(identifier);
    }

    private String lookup(String identifier) {
        return HexFormat.of().formatHex(hmac(identifier));
    }

    private byte[] hmac(String identifier) {
        return macs.get().doFinal(identifier.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A MAC keyed with the pepper, one per thread (a {@link Mac} is not safe to share; {@code doFinal} leaves it ready
     * for the next value): every personal value sealed names its person by this MAC, and looking the algorithm up
     * among the providers and keying it anew for each value was about half of the MAC's samples (JFR, the end-to-end
     * benchmark, {@code docs/benchmarks.md}). As {@link PersonalDataCipher} keeps its ciphers; like theirs, a pool
     * thread's MAC holds the pepper in memory for as long as the thread lives, closed keyring or not.
     */
    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pepper(), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] pepper() {
        byte[] p = pepper;
        if (p == null) {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            jdbc.sql("INSERT INTO keyring.keyring_secret (id, pepper, kek_id) VALUES (1, ?, ?) ON CONFLICT (id) DO NOTHING")
                    .params(kek.wrap(fresh, PEPPER), kek.primaryId()).update();
            p = kek.unwrap(jdbc.sql("SELECT pepper FROM keyring.keyring_secret WHERE id = 1").query(byte[].class).single(),
                    PEPPER);
            pepper = p;
        }
        return p;
    }

    /**
     * Wraps what an older version stored in clear (keys and the HMAC secret without a {@code kek_id}); run at
     * start. A row is changed only while it is still in clear, so instances starting together do no harm.
     * Returns how many rows it wrapped.
     */
    public int wrapClearKeys() {
        int wrapped = jdbc.sql("SELECT pepper FROM keyring.keyring_secret WHERE id = 1 AND kek_id IS NULL")
                .query(byte[].class).optional()
                .map(clear -> jdbc.sql("UPDATE keyring.keyring_secret SET pepper = ?, kek_id = ? WHERE id = 1 AND kek_id IS NULL")
                        .params(kek.wrap(clear, PEPPER), kek.primaryId()).update())
                .orElse(0);
        List<UUID> clear = jdbc.sql("SELECT subject_id FROM keyring.person_key WHERE data_key IS NOT NULL AND kek_id IS NULL")
                .query(UUID.class).list();
        for (UUID subject : clear) {
            wrapped += jdbc.sql("SELECT data_key FROM keyring.person_key WHERE subject_id = ? AND kek_id IS NULL")
                    .param(subject).query(byte[].class).optional()
                    .map(key -> jdbc.sql("""
                                    UPDATE keyring.person_key SET data_key = ?, kek_id = ?
                                    WHERE subject_id = ? AND kek_id IS NULL AND data_key IS NOT NULL""")
                            .params(kek.wrap(key, context(subject)), kek.primaryId(), subject).update())
                    .orElse(0);
        }
        if (wrapped > 0) {
            log.info("Wrapped {} keyring rows stored in clear with the key-encryption key", wrapped);
            vacuum();
        }
        return wrapped;
    }

    /**
     * The second half of a key-encryption-key rotation ({@link KeyEncryptionKey#addPrimaryKey} is the first):
     * every row wrapped by an older key of the keyset is unwrapped and wrapped again by the primary one. After
     * it, the older keys may be removed from the keyset. Returns how many rows it re-wrapped.
     */
    public int rotate() {
        long primary = kek.primaryId();
        int rewrapped = 0;
        List<UUID> old = jdbc.sql("SELECT subject_id FROM keyring.person_key WHERE data_key IS NOT NULL AND kek_id <> ?")
                .param(primary).query(UUID.class).list();
        for (UUID subject : old) {
            rewrapped += jdbc.sql("SELECT data_key, kek_id FROM keyring.person_key WHERE subject_id = ? AND data_key IS NOT NULL")
                    .param(subject).query((rs, n) -> jdbc.sql("""
                                    UPDATE keyring.person_key SET data_key = ?, kek_id = ?
                                    WHERE subject_id = ? AND kek_id = ? AND data_key IS NOT NULL""")
                            .params(kek.wrap(kek.unwrap(rs.getBytes(1), context(subject)), context(subject)), primary,
                                    subject, rs.getLong(2)).update())
                    .optional().orElse(0);
        }
        rewrapped += jdbc.sql("SELECT pepper, kek_id FROM keyring.keyring_secret WHERE id = 1 AND kek_id <> ?")
                .param(primary)
                .query((rs, n) -> jdbc.sql("UPDATE keyring.keyring_secret SET pepper = ?, kek_id = ? WHERE id = 1 AND kek_id = ?")
                        .params(kek.wrap(kek.unwrap(rs.getBytes(1), PEPPER), PEPPER), primary, rs.getLong(2)).update())
                .optional().orElse(0);
        log.info("Re-wrapped {} keyring rows with the key-encryption key {}", rewrapped, primary);
        return rewrapped;
    }

    /** The id of the key-encryption key that wraps from now on. */
    public long kekId() {
        return kek.primaryId();
    }

    private SecretKey unwrap(UUID subject, byte[] wrapped) {
        return new SecretKeySpec(kek.unwrap(wrapped, context(subject)), "AES");
    }

    /** What a wrapped key is bound to: its own row, so that no row can be given another row's key. */
    private static String context(UUID subject) {
        return "keyring person_key " + subject;
    }
}
