package org.drcc.incident.web;

import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * The evidence of the restore. {@code restoreId}: backup-service's restore that brought service back; the backup id
 * and restore point are then taken from its {@code dr.backup.restored} event. Without it, {@code backupId} and
 * {@code restorePoint} (both required where data can be lost) are manual evidence, vouched for by the caller.
 */
public record RestoreRequest(@Size(max = 200) String restoreId, @Size(max = 200) String backupId,
                             @PastOrPresent Instant restorePoint, @Size(max = 4000) String summary) {
}
