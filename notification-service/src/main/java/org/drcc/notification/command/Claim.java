package org.drcc.notification.command;

/** A claimed attempt: what to send, and the attempt number its outcome must be recorded under. */
public record Claim(Envelope envelope, int attempt) {
}
