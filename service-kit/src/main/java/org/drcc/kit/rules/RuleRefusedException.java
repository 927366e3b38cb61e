package org.drcc.kit.rules;

/**
 * A command that the rules of {@code subject} (an incident, a backup, ...) refuse; nothing was changed.
 * Answered with 409 titled "Refused by the &lt;subject&gt;'s rules", also when Axon wraps it.
 */
public class RuleRefusedException extends RuntimeException {

    private final String subject;

    public RuleRefusedException(String subject, String message) {
        super(message);
        this.subject = subject;
    }

    public String subject() {
        return subject;
    }
}
