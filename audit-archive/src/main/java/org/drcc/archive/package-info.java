/**
 * The audit archive: every {@code dr.*.events} topic cut into signed, chained segments in a write-once bucket
 * ({@link org.drcc.archive.Archiver}, {@link org.drcc.archive.SegmentWriter}), replayed and checked from there
 * ({@link org.drcc.archive.ArchiveReader}, {@link org.drcc.archive.ArchiveVerifier}), and packed as signed
 * evidence ({@link org.drcc.archive.EvidencePack}), behind {@code /api/audit/archive/...} and {@code /api/audit/evidence}.
 * Embedded in a host service by {@link org.drcc.archive.ArchiveAutoConfiguration}.
 */
package org.drcc.archive;
