package org.drcc.kit.audit;

/**
 * The first place where the stored trail and its chain disagree. {@code kind}: CHANGED_EVENT,
 * MISSING_EVENT (a linked or queued event deleted), MISSING_LINK, REORDERED,
 * EXTRA_EVENT (neither linked nor queued), UNLINKED_EVENT (queued longer than allowed), HEAD_MISMATCH,
 * FORGED_CHECKPOINT, CHECKPOINT_MISMATCH, TRUNCATED.
 */
public record ChainBreak(String kind, Long chainSeq, Long globalIndex, String eventIdentifier, String detail) {
}
