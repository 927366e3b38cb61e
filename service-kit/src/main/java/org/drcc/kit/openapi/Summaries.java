package org.drcc.kit.openapi;

import java.util.Locale;

/** Readable words from springdoc's generated names, for what nobody annotated. */
final class Summaries {

    private Summaries() {
    }

    /** {@code listNotifications_1} reads "List notifications". */
    static String fromOperationId(String operationId) {
        if (operationId == null || operationId.isBlank()) {
            return "Undocumented operation";
        }
        String words = operationId.replaceAll("_\\d+$", "").replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                .replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** springdoc's tag of an unannotated controller, {@code incident-lifecycle-controller}: "Incident lifecycle". */
    static String fromTag(String tag) {
        String words = tag.replaceAll("-controller$", "").replace('-', ' ');
        return "Operations on " + words;
    }
}
