package org.drcc.contract.backup;

/** One table of a backup's manifest: its row count and the md5 of its rows in a fixed order. */
public record TableChecksum(String table, long rows, String md5) {
}
