package org.drcc.metrics.figures;

/**
 * Incidents declared in a period: real ones (false alarms apart), drill incidents ({@code drill: true}), and real ones
 * still open. The drills themselves, with or without an incident, are counted by the test success rate.
 */
public record PeriodCounts(long incidents, long falseAlarms, long drills, long restored, long open) {
}
