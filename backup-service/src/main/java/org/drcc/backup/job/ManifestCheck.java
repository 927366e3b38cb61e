package org.drcc.backup.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.drcc.contract.backup.TableChecksum;

/** Compares a restored database's tables with the backup's manifest: same tables, same rows, same checksums. */
public final class ManifestCheck {

    private ManifestCheck() {
    }

    public static Optional<CheckFailure> compare(List<TableChecksum> manifest, List<TableChecksum> restored) {
        Map<String, TableChecksum> expected = byName(manifest);
        Map<String, TableChecksum> actual = byName(restored);
        if (!expected.keySet().equals(actual.keySet())) {
            TreeSet<String> missing = new TreeSet<>(expected.keySet());
            missing.removeAll(actual.keySet());
            TreeSet<String> extra = new TreeSet<>(actual.keySet());
            extra.removeAll(expected.keySet());
            return Optional.of(new CheckFailure("tables", "missing after restore: " + missing + "; not in the manifest: "
                    + extra));
        }
        for (TableChecksum e : expected.values()) {
            TableChecksum a = actual.get(e.table());
            if (e.rows() != a.rows()) {
                return Optional.of(new CheckFailure("row-count", e.table() + " has " + a.rows()
                        + " rows after restore, the manifest says " + e.rows()));
            }
            if (!e.md5().equals(a.md5())) {
                return Optional.of(new CheckFailure("table-checksum", e.table() + " restores with checksum " + a.md5()
                        + ", the manifest says " + e.md5()));
            }
        }
        return Optional.empty();
    }

    private static Map<String, TableChecksum> byName(List<TableChecksum> tables) {
        Map<String, TableChecksum> map = new LinkedHashMap<>();
        tables.forEach(t -> map.put(t.table(), t));
        return map;
    }
}
