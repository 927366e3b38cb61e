package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.List;
import org.drcc.contract.PersonalData;

/**
 * {@code targetDatabase} holds {@code database} as it was at {@code toTime}: every transaction committed up to it,
 * none after (a restore to the end of the archive: every transaction the archive held, none after).
 * {@code reachedAt} is the commit time of the last transaction replayed (the exact instant the data
 * is from); {@code baseBackupLabel} the base backup the WAL was replayed on; {@code tables} and {@code rows} were
 * counted in the recovered cluster and found equal in {@code targetDatabase}. {@code applicationChecks} of the
 * application's own checks (the ones the drills run) were run on {@code targetDatabase};
 * {@code applicationChecksFailing} names those that failed, with the rows breaking each (empty: all pass). A failing
 * check leaves the database in place: the data may have been wrong already at that instant, which is for the
 * operator to see. {@code tier} is the tier whose repository the base backup and the WAL were read from (primary,
 * secondary or tertiary; null in events stored before it was recorded).
 */
@JsonTypeName("dr.backup.restored-to-instant.v1")
public record PointInTimeRestoredEvent(
        String restoreId,
        String database,
        String targetDatabase,
        Instant toTime,
        Instant reachedAt,
        String baseBackupLabel,
        String tier,
        int tables,
        long rows,
        int applicationChecks,
        List<String> applicationChecksFailing,
        @PersonalData String actor,
        Instant occurredAt) implements BackupEvent {

    @Override
    @JsonIgnore
    public String backupId() {
        return restoreId;
    }
}
