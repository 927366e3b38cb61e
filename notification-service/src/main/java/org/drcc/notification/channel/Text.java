package org.drcc.notification.channel;

/** The SaaS APIs refuse fields over their limits; a cut message is better than a refused one. */
final class Text {

    private Text() {
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
