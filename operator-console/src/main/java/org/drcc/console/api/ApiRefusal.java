package org.drcc.console.api;

/**
 * A service said no: its status and the problem+json's title and detail (the plan's reason for a refused step).
 * {@code signedOut}: the token was refused (expired, or the key changed) and the person must sign in again.
 */
public class ApiRefusal extends RuntimeException {

    private final int status;
    private final String title;

    public ApiRefusal(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public boolean signedOut() {
        return status == 401;
    }
}
