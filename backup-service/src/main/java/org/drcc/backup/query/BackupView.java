package org.drcc.backup.query;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.drcc.contract.backup.TableChecksum;

/** One backup with its manifest, its tier copies and its restores. */
public record BackupView(
        @JsonUnwrapped BackupSummary backup,
        List<TableChecksum> tables,
        List<TierCopy> copies,
        List<RestoreView> restores) {
}
