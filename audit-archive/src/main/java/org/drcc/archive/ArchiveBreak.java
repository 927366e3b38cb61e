package org.drcc.archive;

/** The first thing wrong in the archive: its kind, the object it was found at, and what is wrong. */
public record ArchiveBreak(String kind, String topic, Integer partition, String object, String detail) {
}
