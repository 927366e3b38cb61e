package org.drcc.metrics.figures;

import java.time.Duration;
import java.util.Map;

/**
 * The SLA's error budget of the calendar year (UTC) as of now: {@code budget}, the downtime the target allows in the
 * whole year less its planned maintenance; {@code spent}, the year's downtime so far; {@code remaining} = budget −
 * spent (negative once overspent); {@code remainingRatio} = remaining / budget. {@code burnRates}: per window ("5m",
 * "1h", "6h"), the window's downtime over what the target allows in it; 1 spends the budget exactly by the end of
 * the year, 14.4 over an hour is the usual page.
 */
public record ErrorBudget(int year, Duration budget, Duration spent, Duration remaining, Double remainingRatio,
                          Map<String, Double> burnRates) {
}
