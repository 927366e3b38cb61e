package org.drcc.archive;

/**
 * One copy of the archive: its bucket on its store, the archiver that writes it under a consumer group of its own,
 * and what checks and replays it. Each copy is a whole archive of every topic, chained and signed on its own, so
 * either one proves the trail untouched without the other: the primary in the main store, and where one is
 * configured ({@code dr.archive.offsite.*}) the off-site copy on a store of its own in another region, which is
 * what is left when a disaster takes the primary site's store.
 *
 * @param name      {@value #PRIMARY} or {@value #OFFSITE}, as {@code ?copy=} names it
 * @param groupId   its archiver's Kafka consumer group: the copies read the topics each at its own pace, so a
 *                  store that is down holds back its own copy only
 */
record ArchiveCopy(String name, String bucket, String groupId, Archiver archiver, RetentionStatus retention,
                   ArchiveVerifier verifier, ArchiveReader reader) {

    static final String PRIMARY = "primary";
    static final String OFFSITE = "offsite";

    /** The S3 store it is on: the main store ({@code dr.s3.*}), or the off-site copy's own ({@code dr.archive.offsite.*}). */
    String store() {
        return name.equals(PRIMARY) ? "main" : name;
    }

    ArchiveReport verify() {
        return verifier.verify(groupId);
    }
}
