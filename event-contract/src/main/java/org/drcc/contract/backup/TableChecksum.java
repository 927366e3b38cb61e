package org.drcc.contract.backup;

/** One table of a backup's manifest: its row count and a checksum of its rows that does not depend on their order. */
public record TableChecksum(String table, long rows, String md5) {
}
