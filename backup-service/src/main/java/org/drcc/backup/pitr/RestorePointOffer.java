package org.drcc.backup.pitr;

import java.time.Instant;

/**
 * The restore point offered for an incident whose suspected start of the damage is known: with point-in-time
 * recovery, {@code toTime}, the last instant before it that PostgreSQL tells apart (a microsecond earlier), for
 * {@code POST /api/restores} with {@code toTime}; without it (or before the oldest base backup), {@code before}, for
 * the newest verified dump taken before it.
 */
public record RestorePointOffer(String kind, String database, Instant toTime, Instant before) {

    public static final String POINT_IN_TIME = "point-in-time";
    public static final String NEWEST_VERIFIED_DUMP = "newest-verified-dump-before";
}
