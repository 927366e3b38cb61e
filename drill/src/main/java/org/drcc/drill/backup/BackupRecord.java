package org.drcc.drill.backup;

import java.time.Instant;

/** A backup as a drill chooses it: how far it got, its restore point ({@code snapshotAt}) and where it is stored. */
public record BackupRecord(String backupId, String status, String failure, Instant snapshotAt, String verification,
                           String verificationCheck, String verificationDetail, String bucket, String objectKey) {
}
