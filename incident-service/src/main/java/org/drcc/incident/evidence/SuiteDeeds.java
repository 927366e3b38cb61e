package org.drcc.incident.evidence;

/**
 * The one definition of which event of the suite proves which deed of the plan's checklist ({@code deed:} in
 * plan.yml). A drill ticks its own deeds (drill's {@code DrillDeed}) through the API; these are ticked by
 * incident-service itself, with the event as the evidence.
 */
public final class SuiteDeeds {

    /** A {@code dr.backup.restored.v1} named by the incident's restore. */
    public static final String DATABASE_RESTORED = "database-restored";
    /** A {@code dr.backup.verified.v1} of the restored backup: its restore matched the manifest. */
    public static final String DATA_VERIFIED = "data-verified";
    /** A {@code dr.notification.sent.v1} to an audience of the first tier, through a channel that reaches a person. */
    public static final String DR_TEAM_NOTIFIED = "dr-team-notified";
    /** The same, to an audience of a later tier. */
    public static final String STAKEHOLDERS_NOTIFIED = "stakeholders-notified";
    /** A {@code dr.notification.status-update-published.v1}: a person published an update on the public status page. */
    public static final String STATUS_PAGE_UPDATED = "status-page-updated";

    /** The communication plan's first tier: the DR team (notification-service's communication-plan.yml). */
    static final String FIRST_TIER = "immediate";
    /** The channel that only writes a log line: it tells nobody, so it proves nothing. */
    static final String LOG_CHANNEL = "log";

    private SuiteDeeds() {
    }

    /** The deed a delivered message proves, or null when it proves none (the log channel, an unknown tier). */
    static String forDelivery(String tier, String channel) {
        if (channel == null || LOG_CHANNEL.equals(channel) || tier == null) {
            return null;
        }
        return FIRST_TIER.equals(tier) ? DR_TEAM_NOTIFIED : STAKEHOLDERS_NOTIFIED;
    }
}
