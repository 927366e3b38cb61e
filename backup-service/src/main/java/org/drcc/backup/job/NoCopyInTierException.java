package org.drcc.backup.job;

import java.util.List;

/** A restore asked for a tier that holds no proven copy of the backup; nothing was started. */
public class NoCopyInTierException extends RuntimeException {

    public NoCopyInTierException(String backupId, String tier, List<String> tiersWithACopy) {
        super("backup " + backupId + " has no proven copy in the " + tier + " tier; it has one in: "
                + String.join(", ", tiersWithACopy));
    }
}
