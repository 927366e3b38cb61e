package org.drcc.backup.pitr;

import java.time.Instant;
import java.util.List;

/**
 * A restore to an instant ({@code toEndOfArchive}: to the end of the archive, {@code toTime} when it was asked):
 * {@code RUNNING}, {@code RESTORED} (with the instant the data is from, {@code reachedAt}, the {@code tier} read, and
 * what was counted and checked: {@code applicationChecks} run, {@code applicationChecksFailing} the ones that failed)
 * or {@code FAILED} (with why).
 */
public record PitrRestoreView(String restoreId, String database, String targetDatabase, Instant toTime,
                              boolean toEndOfArchive, String status, Instant reachedAt, String baseBackupLabel,
                              String tier, Integer tables, Long rows,
                              Integer applicationChecks, List<String> applicationChecksFailing, String failure,
                              Instant startedAt, Instant endedAt) {
}
