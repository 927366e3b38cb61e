package org.drcc.backup.job;

import org.drcc.kit.rules.RuleRefusedException;

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

    /** The rule refusal behind a failed command, which Axon's command bus hands back wrapped. */
    static java.util.Optional<RuleRefusedException> refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RuleRefusedException refused) {
                return java.util.Optional.of(refused);
            }
        }
        return java.util.Optional.empty();
    }
}
