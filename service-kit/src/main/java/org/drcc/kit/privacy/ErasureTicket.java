package org.drcc.kit.privacy;

import java.time.Instant;

/** A requested erasure, waiting for a second person's confirmation; {@code subjectId} null without a key. */
public record ErasureTicket(String erasureId, String subjectId, String status, String requestedBy, Instant requestedAt) {
}
