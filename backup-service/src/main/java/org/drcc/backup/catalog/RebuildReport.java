package org.drcc.backup.catalog;

import java.time.Instant;
import java.util.List;

/**
 * What a rebuild from one tier found: every catalogue object is in exactly one of the three lists.
 *
 * @param found         the catalogue objects listed in the tier's bucket
 * @param imported      backups known again, with the verification their catalogue recorded
 * @param skippedAsKnown backups this service knew already: left as they are
 * @param notImported   catalogue objects whose dump is missing or does not read as recorded, or that cannot be read
 */
public record RebuildReport(
        String from,
        String bucket,
        int found,
        List<Imported> imported,
        List<Known> skippedAsKnown,
        List<NotImported> notImported) {

    public record Imported(String backupId, String database, Instant snapshotAt, String objectKey, String verification) {
    }

    public record Known(String backupId, String catalogObject) {
    }

    /** {@code backupId} is null when the catalogue object could not be read at all. */
    public record NotImported(String catalogObject, String backupId, String reason) {
    }
}
