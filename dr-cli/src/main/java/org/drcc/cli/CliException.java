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

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
