package org.drcc.drill.job;

/**
 * What a drill does that the plan's checklist asks for. Which checklist item each ticks is configuration
 * ({@code dr.drill.checklist}): incident-service's API gives an item only its id, phase, text and whether it is
 * mandatory, nothing that says what it is for.
 */
public enum DrillDeed {
    INCIDENT_DECLARED, IMPACT_ASSESSED, DOCUMENTATION_STARTED, SYSTEMS_ISOLATED, BACKUPS_SECURED,
    DR_ENVIRONMENT_PREPARED, TOOLS_READY, DATABASE_RESTORED, DATA_VERIFIED, FUNCTIONAL_TESTS_PASSED, INCIDENT_DOCUMENTED
}
