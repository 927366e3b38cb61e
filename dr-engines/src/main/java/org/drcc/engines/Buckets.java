package org.drcc.engines;

import java.util.List;

/**
 * The buckets the local S3 server is started with: the plan's three backup copies, the audit archive and its off-site
 * copy (on the same store here: {@code ./dr up} writes it so that its commands can be tried), and the drill reports.
 */
public final class Buckets {
    public static final String PRIMARY = "dr-backups-primary";
    public static final String SECONDARY = "dr-backups-secondary";
    public static final String TERTIARY = "dr-backups-tertiary";
    public static final String AUDIT = "dr-audit-archive";
    public static final String AUDIT_OFFSITE = "dr-audit-archive-offsite";
    public static final String DRILL_REPORTS = "dr-drill-reports";
    public static final List<String> ALL = List.of(PRIMARY, SECONDARY, TERTIARY, AUDIT, AUDIT_OFFSITE,
            DRILL_REPORTS);

    private Buckets() {
    }
}
