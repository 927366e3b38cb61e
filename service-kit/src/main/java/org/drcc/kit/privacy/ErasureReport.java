package org.drcc.kit.privacy;

/** What one service erased: see {@link org.drcc.contract.privacy.PersonalDataErasedEvent}. */
public record ErasureReport(String erasureId, String service, String subjectId, boolean keyDestroyed,
                            int rowsScrubbed) {
}
