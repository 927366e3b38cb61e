package org.drcc.backup.job;

import java.time.Instant;

/** A restore that was accepted and runs in the background; {@code restorePoint} is when its data is from. */
public record RestoreAccepted(String restoreId, String backupId, String targetDatabase, boolean overwritesProtected,
                              Instant restorePoint) {
}
