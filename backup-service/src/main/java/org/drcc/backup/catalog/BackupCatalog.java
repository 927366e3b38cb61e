package org.drcc.backup.catalog;

import java.time.Instant;
import java.util.List;
import org.drcc.contract.backup.TableChecksum;

/**
 * The catalogue object beside a dump: what the dump is, without the service's database. It holds no secret and no
 * person's name (the events' actors are personal data; a bucket cannot forget them): facts about the data only.
 *
 * @param formatVersion   {@link #FORMAT_VERSION}; a reader refuses a newer one rather than guess
 * @param sizeBytes       the dump object's size; with {@code sha256}, what a rebuild checks the dump against
 * @param tables          the manifest: each table's rows and order-independent checksum, read from the dump's snapshot
 * @param copies          the tiers known to hold the dump when this was written
 * @param encryptionKeyId the id of the key-encryption key the dump is encrypted with (never the key); null: the dump
 *                        is stored unencrypted, as before encryption existed. The dump's own header holds its data
 *                        key, wrapped by that key, so the dump and this id are all a restore needs
 * @param encryptionAlgorithm how the dump is encrypted ({@code AES256_GCM_HKDF_1MB}: Tink's streaming AEAD); null
 *                        when it is not. Added within format version 1: older readers read past it
 */
public record BackupCatalog(
        int formatVersion,
        String backupId,
        String database,
        String serverVersion,
        Instant startedAt,
        Instant completedAt,
        Instant snapshotAt,
        String objectKey,
        long sizeBytes,
        String sha256,
        List<TableChecksum> tables,
        Verification verification,
        List<Copy> copies,
        String encryptionKeyId,
        String encryptionAlgorithm) {

    public static final int FORMAT_VERSION = 1;

    /** Beside the dump, so that listing, copying or deleting a dump's prefix finds its catalogue too. */
    public static final String SUFFIX = ".catalog.json";

    public static String keyOf(String objectKey) {
        return objectKey + SUFFIX;
    }

    /** The last verification by restore: UNVERIFIED (no check, no time), VERIFIED, or FAILED naming its check. */
    public record Verification(String status, String check, String detail, Instant at) {

        static final Verification NONE = new Verification("UNVERIFIED", null, null, null);
    }

    /** A tier known to hold the dump: {@code primary}, {@code secondary} or {@code tertiary}, its bucket, since when. */
    public record Copy(String tier, String bucket, Instant at) {
    }
}
