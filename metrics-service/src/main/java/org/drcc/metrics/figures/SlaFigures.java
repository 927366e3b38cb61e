package org.drcc.metrics.figures;

/** The SLA over a period and the error budget of the current year. */
public record SlaFigures(double target, String targetPercent, java.time.Duration allowedDowntimePerYear,
                         Availability period, ErrorBudget errorBudget) {
}
