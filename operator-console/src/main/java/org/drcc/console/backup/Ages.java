package org.drcc.console.backup;

import java.time.Duration;

/** Ages and sizes for people: "12m ago", "1.2 MB". */
public final class Ages {

    private Ages() {
    }

    public static String ago(Duration age) {
        if (age == null) {
            return "";
        }
        long minutes = age.toMinutes();
        if (minutes < 1) {
            return age.toSeconds() + "s ago";
        }
        return minutes < 120 ? minutes + "m ago" : minutes < 2880 ? age.toHours() + "h ago" : age.toDays() + "d ago";
    }

    public static String bytes(Object size) {
        double b = Double.parseDouble(size.toString());
        return b < 1024 ? (long) b + " B" : b < 1 << 20 ? String.format("%.1f KB", b / 1024)
                : String.format("%.1f MB", b / (1 << 20));
    }
}
