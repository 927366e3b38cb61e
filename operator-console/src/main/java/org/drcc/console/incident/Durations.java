package org.drcc.console.incident;

import java.time.Duration;

/** Durations the way a person reads them: 2h 5m, 40m, 12s. */
public final class Durations {

    private Durations() {
    }

    public static String human(Duration d) {
        if (d == null) {
            return "";
        }
        long seconds = Math.abs(d.toSeconds());
        long days = seconds / 86400;
        long hours = seconds % 86400 / 3600;
        long minutes = seconds % 3600 / 60;
        String sign = d.isNegative() ? "-" : "";
        if (days > 0) {
            return sign + days + "d" + (hours > 0 ? " " + hours + "h" : "");
        }
        if (hours > 0) {
            return sign + hours + "h" + (minutes > 0 ? " " + minutes + "m" : "");
        }
        return minutes > 0 ? sign + minutes + "m" : sign + seconds % 60 + "s";
    }
}
