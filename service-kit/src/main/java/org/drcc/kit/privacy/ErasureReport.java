package org.drcc.kit.privacy;

/**
 * What one service erased: see {@link org.drcc.contract.privacy.PersonalDataErasedEvent}; who requested the
 * erasure and who confirmed it.
 */
public record ErasureReport(String erasureId, String service, String subjectId, boolean keyDestroyed,
                            int rowsScrubbed, String requestedBy, String confirmedBy) {
}
