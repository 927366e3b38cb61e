package org.drcc.metrics.figures;

/** Incidents declared in a period: real ones (false alarms apart), drills, and real ones still open. */
public record PeriodCounts(long incidents, long falseAlarms, long drills, long restored, long open) {
}
