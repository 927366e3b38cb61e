package org.drcc.incident.web;

import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The evidence of the restore: the backup used and its restore point (both required where data can be lost). */
public record RestoreRequest(@Size(max = 200) String backupId, @PastOrPresent Instant restorePoint, @Size(max = 4000) String summary) {
}
