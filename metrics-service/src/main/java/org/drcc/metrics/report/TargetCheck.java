package org.drcc.metrics.report;

/** One of the plan's metric targets against its figure; {@code met} is null when there is no data. */
public record TargetCheck(String metric, String target, String value, Boolean met) {

    public String verdict() {
        return met == null ? "no data" : met ? "met" : "not met";
    }
}
