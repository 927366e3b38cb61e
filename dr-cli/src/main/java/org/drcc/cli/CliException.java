package org.drcc.cli;

/** A failure the CLI reports in one line, with an exit code a script can act on. */
class CliException extends RuntimeException {

    /** The service refused the request (4xx/5xx): its reason is printed. */
    static final int REFUSED = 1;
    /** A bad command line. */
    static final int USAGE = 2;
    /** The service could not be reached. */
    static final int UNREACHABLE = 3;
    /** A drill ran and failed: a step broke or a target was missed. */
    static final int DRILL_FAILED = 5;
    /** A job followed with --wait (a backup, a verification, a restore) ended failed, or did not end in time. */
    static final int JOB_FAILED = 6;
    /** {@code dr plan check} found contradictions in the plan's data (each printed). */
    static final int PLAN_CONTRADICTED = 7;

    private final int exitCode;
    private final boolean unanswered;

    CliException(int exitCode, String message) {
        this(exitCode, message, false);
    }

    private CliException(int exitCode, String message, boolean unanswered) {
        super(message);
        this.exitCode = exitCode;
        this.unanswered = unanswered;
    }

    /** The service took the request and gave no answer within the CLI's wait (exit code 3, as unreachable). */
    static CliException unanswered(String message) {
        return new CliException(UNREACHABLE, message, true);
    }

    int exitCode() {
        return exitCode;
    }

    /** Whether the service was reached but did not answer in time, rather than not reached at all. */
    boolean unanswered() {
        return unanswered;
    }
}
