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
