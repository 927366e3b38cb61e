package org.drcc.contract.backup;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.time.Instant;

/**
 * Every event of a backup of a protected PostgreSQL database. The {@code @JsonTypeName} of each record
 * is its versioned CloudEvents {@code type}; a breaking change gets a new record and a new version.
 */
@JsonSubTypes({
        @JsonSubTypes.Type(BackupStartedEvent.class),
        @JsonSubTypes.Type(BackupCompletedEvent.class),
        @JsonSubTypes.Type(BackupFailedEvent.class),
        @JsonSubTypes.Type(BackupCopiedEvent.class),
        @JsonSubTypes.Type(BackupCopyFailedEvent.class),
        @JsonSubTypes.Type(BackupCopyAbandonedEvent.class),
        @JsonSubTypes.Type(BackupVerifiedEvent.class),
        @JsonSubTypes.Type(BackupVerificationFailedEvent.class),
        @JsonSubTypes.Type(BackupExpiredEvent.class),
        @JsonSubTypes.Type(BackupRestoreStartedEvent.class),
        @JsonSubTypes.Type(BackupRestoredEvent.class),
        @JsonSubTypes.Type(BackupRestoreFailedEvent.class),
        @JsonSubTypes.Type(RpoAtRiskEvent.class),
        @JsonSubTypes.Type(RpoRecoveredEvent.class),
        @JsonSubTypes.Type(RetentionHaltedEvent.class),
        @JsonSubTypes.Type(BackupImportedEvent.class),
        @JsonSubTypes.Type(BackupEncryptedEvent.class),
        @JsonSubTypes.Type(BaseBackupStartedEvent.class),
        @JsonSubTypes.Type(BaseBackupCompletedEvent.class),
        @JsonSubTypes.Type(BaseBackupFailedEvent.class),
        @JsonSubTypes.Type(BaseBackupExpiredEvent.class),
        @JsonSubTypes.Type(WalArchiveLagEvent.class),
        @JsonSubTypes.Type(PointInTimeRestoreStartedEvent.class),
        @JsonSubTypes.Type(PointInTimeRestoredEvent.class),
        @JsonSubTypes.Type(PointInTimeRestoreFailedEvent.class),
        @JsonSubTypes.Type(BackupReconciledEvent.class)
})
public sealed interface BackupEvent permits BackupStartedEvent, BackupCompletedEvent, BackupFailedEvent,
        BackupCopiedEvent, BackupCopyFailedEvent, BackupCopyAbandonedEvent, BackupVerifiedEvent, BackupVerificationFailedEvent,
        BackupExpiredEvent, BackupRestoreStartedEvent, BackupRestoredEvent, BackupRestoreFailedEvent, RpoAtRiskEvent,
        RpoRecoveredEvent, RetentionHaltedEvent, BackupImportedEvent, BackupEncryptedEvent, BaseBackupStartedEvent,
        BaseBackupCompletedEvent, BaseBackupFailedEvent, BaseBackupExpiredEvent, WalArchiveLagEvent,
        PointInTimeRestoreStartedEvent, PointInTimeRestoredEvent, PointInTimeRestoreFailedEvent,
        BackupReconciledEvent {

    /** The backup's id; for a restore to an instant, the restore's; null for the WAL archive's lag. */
    String backupId();

    /** The protected database the backup is of. */
    String database();

    String actor();

    Instant occurredAt();
}
