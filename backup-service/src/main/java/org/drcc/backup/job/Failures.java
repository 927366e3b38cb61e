package org.drcc.backup.job;

/** A cause a person can read: the message of the exception, or its type when it has none. */
final class Failures {

    private static final int MAX = 2000;

    private Failures() {
    }

    static String describe(Throwable e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getMessage();
        return message.length() > MAX ? message.substring(0, MAX) + "..." : message;
    }
}
