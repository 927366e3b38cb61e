package org.drcc.backup.job;

import java.time.Instant;
import java.util.List;
import org.drcc.backup.storage.StoredObject;
import org.drcc.contract.backup.TableChecksum;

/**
 * A dump stored in the bucket of the tier it was written to, with what was read from the snapshot it was taken from
 * and the key id it is encrypted with (null: unencrypted).
 */
record Dump(StoredObject object, Instant snapshotAt, String serverVersion, List<TableChecksum> tables,
            String encryptionKeyId) {
}
