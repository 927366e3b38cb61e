package org.drcc.contract.plan;

/** The plan's review schedule ("Continuous Improvement"): monthly, quarterly, annual, and after each incident. */
public enum ReviewKind {
    MONTHLY,
    QUARTERLY,
    ANNUAL,
    POST_INCIDENT
}
