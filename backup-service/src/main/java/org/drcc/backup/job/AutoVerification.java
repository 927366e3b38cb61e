package org.drcc.backup.job;

import org.drcc.backup.query.Backups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Verifies every backup by restore once its tier copies are made ({@code dr.backup.verify-after-backup},
 * default true): the RPO counts only verified backups, so a backup left unverified would not count.
 */
@Component
class AutoVerification {

    static final String ACTOR = "scheduler";
    private static final Logger log = LoggerFactory.getLogger(AutoVerification.class);

    private final VerifyJob verifyJob;
    private final Backups backups;
    private final boolean enabled;

    AutoVerification(VerifyJob verifyJob, Backups backups,
                     @Value("${dr.backup.verify-after-backup:true}") boolean enabled) {
        this.verifyJob = verifyJob;
        this.backups = backups;
        this.enabled = enabled;
    }

    void afterBackup(String backupId) {
        if (!enabled) {
            return;
        }
        try {
            // someone may have asked for it while the copies were made: theirs is the verification
            if (backups.summary(backupId).filter(b -> "UNVERIFIED".equals(b.verification())).isPresent()) {
                verifyJob.start(backupId, ACTOR);
            }
        } catch (RuntimeException e) {
            // the weekly sweep verifies every backup still unverified
            log.warn("Backup {} not verified after the backup: {}", backupId, e.toString());
        }
    }
}
