package org.drcc.backup.pitr;

import java.time.Instant;
import java.util.List;

/**
 * A restore to an instant: {@code RUNNING}, {@code RESTORED} (with the instant the data is from, {@code reachedAt},
 * and what was counted and checked: {@code applicationChecks} run, {@code applicationChecksFailing} the ones that
 * failed) or {@code FAILED} (with why).
 */
public record PitrRestoreView(String restoreId, String database, String targetDatabase, Instant toTime, String status,
                              Instant reachedAt, String baseBackupLabel, Integer tables, Long rows,
                              Integer applicationChecks, List<String> applicationChecksFailing, String failure,
                              Instant startedAt, Instant endedAt) {
}
