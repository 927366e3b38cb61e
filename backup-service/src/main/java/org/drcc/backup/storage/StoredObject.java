package org.drcc.backup.storage;

/** What was measured while an object streamed through: its size and its SHA-256 (hex). */
public record StoredObject(long sizeBytes, String sha256) {
}
