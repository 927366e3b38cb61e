package org.drcc.backup.job;

/** The check a verification failed, and what it found, in words a person can act on. */
public record CheckFailure(String check, String detail) {
}
