package org.drcc.metrics.figures;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A half-open stretch of time [from, to), and the three operations the downtime figures need on sets of them:
 * union (overlaps counted once), difference (the SLA's maintenance left out) and total length. A handful of
 * intervals per year, so plain lists, sorted; no interval library is worth the dependency for this.
 */
public record Interval(Instant from, Instant to) {

    /** This interval cut to [from, to); null when nothing of it is left. */
    Interval clip(Instant lower, Instant upper) {
        Instant a = from.isAfter(lower) ? from : lower;
        Instant b = to.isBefore(upper) ? to : upper;
        return a.isBefore(b) ? new Interval(a, b) : null;
    }

    Duration length() {
        return Duration.between(from, to);
    }

    /** Disjoint, sorted intervals covering exactly what {@code intervals} cover. */
    static List<Interval> union(List<Interval> intervals) {
        List<Interval> sorted = intervals.stream().sorted(Comparator.comparing(Interval::from)).toList();
        List<Interval> merged = new ArrayList<>();
        for (Interval i : sorted) {
            Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !i.from().isAfter(last.to())) {
                merged.set(merged.size() - 1, new Interval(last.from(), i.to().isAfter(last.to()) ? i.to() : last.to()));
            } else {
                merged.add(i);
            }
        }
        return merged;
    }

    /** What {@code covered} covers outside every interval of {@code removed}. */
    static List<Interval> minus(List<Interval> covered, List<Interval> removed) {
        List<Interval> left = new ArrayList<>();
        List<Interval> holes = union(removed);
        for (Interval i : union(covered)) {
            Instant start = i.from();
            for (Interval hole : holes) {
                if (!hole.to().isAfter(start) || !hole.from().isBefore(i.to())) {
                    continue;
                }
                if (hole.from().isAfter(start)) {
                    left.add(new Interval(start, hole.from()));
                }
                start = hole.to();
            }
            if (start.isBefore(i.to())) {
                left.add(new Interval(start, i.to()));
            }
        }
        return left;
    }

    static Duration total(List<Interval> intervals) {
        return union(intervals).stream().map(Interval::length).reduce(Duration.ZERO, Duration::plus);
    }
}
