package org.drcc.drill.incident;

/**
 * What a drill does that the plan's checklist asks for. The plan names, on the item each proves, the deed's
 * {@link #tag()} ({@code deed: database-restored}); incident-service serves it with the scenario, so the
 * item ids are the plan's to choose.
 */
public enum DrillDeed {
    INCIDENT_DECLARED, IMPACT_ASSESSED, DOCUMENTATION_STARTED, SYSTEMS_ISOLATED, BACKUPS_SECURED,
    DR_ENVIRONMENT_PREPARED, TOOLS_READY, DATABASE_RESTORED, DATA_VERIFIED, FUNCTIONAL_TESTS_PASSED, INCIDENT_DOCUMENTED;

    /** The deed as the plan writes it: {@code DATABASE_RESTORED} is {@code database-restored}. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
