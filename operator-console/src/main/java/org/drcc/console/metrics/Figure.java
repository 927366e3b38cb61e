package org.drcc.console.metrics;

/**
 * One figure against its target: what the page prints, whether it is met ({@code null}: no data), and a bar length
 * between 0 and 100 (the figure as a share of the target's scale) for the chart drawn beside it.
 */
public record Figure(String name, String value, String target, Boolean met, int bar) {

    /** A rate (0 to 1) whose target is 100 %. */
    static Figure rate(String name, Object ratio, String target) {
        if (ratio == null) {
            return new Figure(name, "no data", target, null, 0);
        }
        double r = Double.parseDouble(ratio.toString());
        return new Figure(name, Math.round(r * 1000) / 10.0 + " %", target, r >= 1.0, (int) Math.round(r * 100));
    }

    /** A duration in hours against a limit: at most ({@code atMost}) or at least. */
    static Figure hours(String name, Double hours, double limit, boolean atMost) {
        String target = (atMost ? "< " : "> ") + (long) limit + " h";
        if (hours == null) {
            return new Figure(name, "no data", target, null, 0);
        }
        boolean met = atMost ? hours < limit : hours > limit;
        int bar = (int) Math.min(100, Math.round(hours / (limit * 2) * 100));
        String value = hours < 1 ? Math.round(hours * 60) + " min" : String.format(java.util.Locale.ROOT, "%.1f h", hours);
        return new Figure(name, value, target, met, bar);
    }
}
