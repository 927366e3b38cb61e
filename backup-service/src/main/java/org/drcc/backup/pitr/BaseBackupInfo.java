package org.drcc.backup.pitr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A base backup as {@code pgbackrest info --output=json} lists it, in the repository {@code repo}. */
public record BaseBackupInfo(String label, String type, int repo, Instant startedAt, Instant stoppedAt, long sizeBytes,
                             long repositorySizeBytes, String walStart, String walStop) {

    /**
     * The earliest instant a restore from it may target: its end, rounded up to the second (pgBackRest records
     * whole seconds; the backup is consistent only once it stopped).
     */
    public Instant consistentAt() {
        return stoppedAt.plusSeconds(1);
    }

    /**
     * The newest WAL segment in the archive {@code pgbackrest info --output=json} lists, of the cluster the stanza now
     * serves ("" when it has none).
     */
    static String newestSegment(ObjectMapper json, String infoOutput) throws java.io.IOException {
        String newest = "";
        for (JsonNode stanza : json.readTree(infoOutput)) {
            // the archive of the cluster the stanza now serves: after a stanza-upgrade onto a replacement server,
            // the lost cluster's archive stays beside it under a lower database id, its segment names from a WAL
            // history of their own (a new cluster numbers its segments from the start again)
            int current = 0;
            for (JsonNode archive : stanza.path("archive")) {
                current = Math.max(current, archive.path("database").path("id").asInt(0));
            }
            for (JsonNode archive : stanza.path("archive")) {
                if (archive.path("database").path("id").asInt(0) != current) {
                    continue;
                }
                String max = archive.path("max").asText("");
                // a segment's name is its timeline, log and segment numbers in fixed-width hex: later sorts after
                newest = max.compareTo(newest) > 0 ? max : newest;
            }
        }
        return newest;
    }

    /** The system identifier of the cluster the stanza now serves (its database of the highest id); null if none. */
    static String stanzaSystemIdentifier(ObjectMapper json, String infoOutput) throws java.io.IOException {
        String identifier = null;
        int current = 0;
        for (JsonNode stanza : json.readTree(infoOutput)) {
            for (JsonNode db : stanza.path("db")) {
                if (db.path("id").asInt(0) > current) {
                    current = db.path("id").asInt(0);
                    // an unsigned 64-bit number in the JSON: read as its digits, not as a long
                    identifier = db.path("system-id").asText();
                }
            }
        }
        return identifier;
    }

    static List<BaseBackupInfo> parse(ObjectMapper json, String infoOutput) {
        try {
            List<BaseBackupInfo> backups = new ArrayList<>();
            for (JsonNode stanza : json.readTree(infoOutput)) {
                for (JsonNode b : stanza.path("backup")) {
                    if (b.path("error").asBoolean(false)) {
                        continue;
                    }
                    backups.add(new BaseBackupInfo(b.path("label").asText(), b.path("type").asText(),
                            b.path("database").path("repo-key").asInt(1),
                            Instant.ofEpochSecond(b.path("timestamp").path("start").asLong()),
                            Instant.ofEpochSecond(b.path("timestamp").path("stop").asLong()),
                            b.path("info").path("size").asLong(), b.path("info").path("repository").path("size").asLong(),
                            b.path("archive").path("start").asText(null), b.path("archive").path("stop").asText(null)));
                }
            }
            return backups;
        } catch (Exception e) {
            throw new PgBackRestException("pgbackrest info answered what is not its JSON: " + e.getMessage());
        }
    }
}
