package org.drcc.metrics.figures;

import java.util.List;

/** The backup figures: rates over the backups started in the period, newest good backups at {@code asOf}. */
public record BackupFigures(Rate success, Rate verification, List<NewestGoodBackup> newestGood) {
}
