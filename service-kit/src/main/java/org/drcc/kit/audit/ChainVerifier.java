package org.drcc.kit.audit;

import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Walks the whole chain in order, recomputing every link from the stored event bytes, and checks the
 * signed checkpoints against it. Reports the first break; an intact trail passes. A cursor keeps
 * memory flat however long the trail. It first has the linker link every event committed so far; an event
 * committed since is reported as not yet linked ({@code eventsPending}), not as a break, unless it has waited
 * longer than {@code overdue} (the linker is not running) or its queue row is gone (deleted behind the trail's back).
 */
public class ChainVerifier {

    private static final Logger log = LoggerFactory.getLogger(ChainVerifier.class);

    private static final byte[] GENESIS = new byte[32];
    private static final HexFormat HEX = HexFormat.of();
    private static final int FETCH_SIZE = 5_000;
    /** Columns by position in step(): the walk reads every stored event, so it avoids lookups by name. */
    private static final String WALK = """
            SELECT c.chain_seq, c.global_index, c.event_identifier, c.prev_hash, c.hash,
                   e.eventIdentifier, e.aggregateIdentifier, e.sequenceNumber, e.type, e.payloadType,
                   e.payloadRevision, e.timeStamp, e.payload, e.metaData
            FROM event_chain c LEFT JOIN DomainEventEntry e ON e.globalIndex = c.global_index
            ORDER BY c.chain_seq""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final ChainSigner signer;
    private final Runnable linkFirst;
    private final Duration overdue;
    private final Clock clock;

    public ChainVerifier(DataSource dataSource, ChainSigner signer, ChainLinker linker, Duration overdue, Clock clock) {
        this(dataSource, signer, linker::linkNow, overdue, clock);
    }

    /** With {@code linkFirst} what runs before the walk: the linker, or nothing to check a linker that stopped. */
    ChainVerifier(DataSource dataSource, ChainSigner signer, Runnable linkFirst, Duration overdue, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.readOnly.setReadOnly(true);
        // one snapshot for the walk and the head: a service storing events meanwhile is not a broken chain
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.signer = signer;
        this.linkFirst = linkFirst;
        this.overdue = overdue;
        this.clock = clock;
    }

    public ChainReport verify() {
        try {
            linkFirst.run();
        } catch (RuntimeException e) {
            // verified all the same: what the linker could not link is reported as pending, or overdue
            log.warn("The audit chain's linker failed before a verification ({})", e.getClass().getSimpleName());
        }
        return readOnly.execute(status -> walk());
    }

    private ChainReport walk() {
        Map<Long, Checkpoint> checkpoints = new HashMap<>();
        jdbc.query("SELECT chain_seq, hash, signature FROM chain_checkpoint", rs -> {
            checkpoints.put(rs.getLong(1), new Checkpoint(rs.getBytes(2), rs.getBytes(3)));
        });
        Walk walk = new Walk(checkpoints);
        jdbc.query(con -> {
            PreparedStatement statement = con.prepareStatement(WALK);
            statement.setFetchSize(FETCH_SIZE);
            if (statement.isWrapperFor(PGStatement.class)) {
                // binary transfer from the first execution: bytea arrives as bytes, not hex text to decode
                statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
            }
            return statement;
        }, walk::step);
        if (walk.firstBreak == null) {
            walk.firstBreak = afterTheWalk(walk);
        }
        long pending = jdbc.queryForObject("SELECT count(*) FROM event_chain_pending", Long.class);
        return new ChainReport(walk.firstBreak == null, walk.checked, pending, walk.checkpointsChecked,
                HEX.formatHex(walk.previous), clock.instant(), walk.firstBreak);
    }

    private ChainBreak afterTheWalk(Walk walk) {
        Long extra = jdbc.query("""
                SELECT e.globalIndex FROM DomainEventEntry e
                WHERE NOT EXISTS (SELECT 1 FROM event_chain c WHERE c.global_index = e.globalIndex)
                  AND NOT EXISTS (SELECT 1 FROM event_chain_pending p WHERE p.global_index = e.globalIndex)
                ORDER BY e.globalIndex LIMIT 1""", rs -> rs.next() ? rs.getLong(1) : null);
        if (extra != null) {
            return new ChainBreak("EXTRA_EVENT", null, extra, null, "a stored event that is neither in the chain nor "
                    + "queued to be linked: inserted behind the trigger's back, or its queue row deleted");
        }
        ChainBreak queued = jdbc.query("""
                SELECT p.global_index, e.eventIdentifier, extract(epoch FROM clock_timestamp() - p.queued_at)
                FROM event_chain_pending p LEFT JOIN DomainEventEntry e ON e.globalIndex = p.global_index
                WHERE e.globalIndex IS NULL OR p.queued_at < clock_timestamp() - make_interval(secs => ?)
                ORDER BY p.global_index LIMIT 1""", rs -> {
            if (!rs.next()) {
                return null;
            }
            String eventId = rs.getString(2);
            return eventId == null
                    ? new ChainBreak("MISSING_EVENT", null, rs.getLong(1), null, "an event queued to be linked was deleted")
                    : new ChainBreak("UNLINKED_EVENT", null, rs.getLong(1), eventId, "stored " + Math.round(rs.getDouble(3))
                            + " s ago and still not linked (more than " + overdue.toSeconds() + " s): is the linker running?");
        }, overdue.toMillis() / 1000.0);
        if (queued != null) {
            return queued;
        }
        Map<String, Object> head = jdbc.queryForMap("SELECT chain_seq, hash FROM event_chain_head WHERE id = 1");
        if (((Number) head.get("chain_seq")).longValue() != walk.expectedSeq - 1
                || !Arrays.equals((byte[]) head.get("hash"), walk.previous)) {
            return new ChainBreak("HEAD_MISMATCH", walk.expectedSeq - 1, null, null,
                    "the recorded chain head does not match the recomputed end of the chain");
        }
        for (Map.Entry<Long, Checkpoint> c : walk.checkpoints.entrySet()) {
            if (c.getKey() >= walk.expectedSeq) {
                return new ChainBreak("TRUNCATED", c.getKey(), null, null,
                        "a signed checkpoint vouches for link " + c.getKey() + " but the chain ends at " + (walk.expectedSeq - 1));
            }
        }
        return null;
    }

    private record Checkpoint(byte[] hash, byte[] signature) {
    }

    private final class Walk {
        private final Map<Long, Checkpoint> checkpoints;
        private byte[] previous = GENESIS;
        private long expectedSeq = 1;
        private long checked;
        private long checkpointsChecked;
        private ChainBreak firstBreak;
        private final MessageDigest sha = CanonicalEvent.sha256();

        Walk(Map<Long, Checkpoint> checkpoints) {
            this.checkpoints = checkpoints;
        }

        void step(ResultSet rs) throws SQLException {
            if (firstBreak != null) {
                return;
            }
            long seq = rs.getLong(1);
            long index = rs.getLong(2);
            String linkedId = rs.getString(3);
            if (seq != expectedSeq) {
                firstBreak = new ChainBreak("MISSING_LINK", expectedSeq, null, null, "link " + expectedSeq + " is gone");
                return;
            }
            String eventId = rs.getString(6);
            if (eventId == null) {
                firstBreak = new ChainBreak("MISSING_EVENT", seq, index, linkedId, "the linked event was deleted");
                return;
            }
            if (!Arrays.equals(rs.getBytes(4), previous)) {
                firstBreak = new ChainBreak("REORDERED", seq, index, linkedId, "the link does not follow the one before it");
                return;
            }
            byte[] hash = event(rs, eventId).link(sha, previous);
            if (!linkedId.equals(eventId) || !Arrays.equals(hash, rs.getBytes(5))) {
                firstBreak = new ChainBreak("CHANGED_EVENT", seq, index, linkedId,
                        "the stored event's bytes differ from what was linked");
                return;
            }
            Checkpoint checkpoint = checkpoints.get(seq);
            if (checkpoint != null) {
                if (!signer.verify(seq, checkpoint.hash(), checkpoint.signature())) {
                    firstBreak = new ChainBreak("FORGED_CHECKPOINT", seq, index, linkedId, "the checkpoint's signature is not valid");
                    return;
                }
                if (!Arrays.equals(checkpoint.hash(), hash)) {
                    firstBreak = new ChainBreak("CHECKPOINT_MISMATCH", seq, index, linkedId,
                            "the chain no longer ends where the signed checkpoint says it did");
                    return;
                }
                checkpointsChecked++;
            }
            previous = hash;
            expectedSeq++;
            checked++;
        }
    }

    private static CanonicalEvent event(ResultSet rs, String eventId) throws SQLException {
        return new CanonicalEvent(eventId, rs.getString(7), rs.getLong(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getBytes(13), rs.getBytes(14));
    }
}
