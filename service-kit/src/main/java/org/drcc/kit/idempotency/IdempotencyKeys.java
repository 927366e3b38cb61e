package org.drcc.kit.idempotency;

import static org.drcc.kit.problem.Problems.invalid;
import static org.drcc.kit.problem.Problems.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * The {@code Idempotency-Key} header: the first request with a key runs and its answer is kept; a
 * retry with the same key and the same request gets that answer again without running twice. A key is the
 * caller's own (another caller's same key is another request, and never sees the first one's answer), and it is
 * kept for {@code dr.idempotency-key.retention} (a day), as long as a client retries, not forever. The table
 * ({@code idempotency_key}) is the kit's ({@code db/kit}); the kept answers that answered or name a person are
 * deleted when that person is forgotten ({@link IdempotencyAutoConfiguration}).
 *
 * <p>Two ways to run a request, by what its effect is:
 * <ul>
 *   <li>{@link #once}: changes that join a transaction (Axon commands: incident-service). The key's claim, the
 *   request's commands and the kept answer are one transaction of the service's database: a request cut short
 *   anywhere, by a crash or an error, leaves neither its effect nor its key, so its retry runs afresh; one that took
 *   effect has its answer kept with it.</li>
 *   <li>{@link #startOnce}: a request that starts a job of this process, whose records commit on their own while the
 *   request runs (backup-service's backups, verifications and restores: a start commits under a cluster lock, which
 *   it must not outlive). The key's claim is held, uncommitted, while the request runs outside its transaction, and
 *   commits with the answer. A request that fails leaves no key. A crash between the job's start and the answer's
 *   commit leaves the start without the key: the job died with the process (the service fails such orphans at its
 *   next start), and a retry starts it again.</li>
 * </ul>
 * Either way a retry sent while the first is still running waits for it (PostgreSQL's lock on the key's row) and
 * then gets its answer; with {@code startOnce} for at most 10 s, then it is refused with 409 (send it again).
 */
public class IdempotencyKeys {

    /** Tries of a change that met another change to the same aggregate at the same moment. */
    private static final int ATTEMPTS = 3;
    /** How long a repeat of a {@link #startOnce} request waits for the first (a start takes well under a second). */
    private static final Duration REPEAT_WAIT = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration retention;
    private final TransactionTemplate transactions;
    /** Runs a {@link #startOnce} request outside the key's transaction (suspended meanwhile). */
    private final TransactionTemplate outside;

    public IdempotencyKeys(JdbcClient jdbc, ObjectMapper json, Clock clock, PlatformTransactionManager transactions,
                           Duration retention) {
        this.transactions = new TransactionTemplate(transactions);
        this.outside = new TransactionTemplate(transactions);
        this.outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.retention = retention;
    }

    /**
     * The action, once per key. Tried again, whole, when another change to the same aggregate was stored at the same
     * moment (Axon's {@link ConcurrencyException}: its next event number was taken). With a key the action's events
     * commit only with the key's transaction, after Axon has let go of the aggregate, so a second change (with a key
     * or without) can load it before the first commits and find its number taken when it appends. Nothing of the
     * failed try is left (its transaction, the claim included, rolled back), and the next one sees the first change
     * (an {@code If-Match} it no longer meets is then refused with 412).
     */
    public ResponseEntity<?> once(String caller, String key, String fingerprint, Supplier<ResponseEntity<?>> action) {
        boolean keyed = keyed(key);
        for (int attempt = 1; ; attempt++) {
            try {
                return keyed ? inTransaction(caller, key, fingerprint, false, action) : action.get();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !concurrent(e)) {
                    throw e;
                }
            }
        }
    }

    /**
     * The action, once per key, where the action starts a job whose records commit on their own (see the class's
     * comment): it runs outside the key's transaction, which holds the key's row until the answer is kept. What the
     * action throws comes out as it was thrown, after the key's claim is rolled back.
     */
    public ResponseEntity<?> startOnce(String caller, String key, String fingerprint, Start action) throws Exception {
        if (!keyed(key)) {
            return action.run();
        }
        try {
            return inTransaction(caller, key, fingerprint, true, () -> outside.execute(status -> {
                try {
                    return action.run();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new Checked(e); // through the transaction templates, which roll back on it
                }
            }));
        } catch (Checked e) {
            throw (Exception) e.getCause();
        }
    }

    /** A request that starts a job: its answer, or why it was refused. */
    @FunctionalInterface
    public interface Start {
        ResponseEntity<?> run() throws Exception;
    }

    /** Carries a checked exception of a {@link Start} through the transaction templates. */
    private static final class Checked extends RuntimeException {
        Checked(Exception cause) {
            super(cause);
        }
    }

    private static boolean keyed(String key) {
        if (key == null || key.isBlank()) {
            return false;
        }
        if (key.length() > 200) {
            String message = "must be at most 200 characters";
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, invalid("Idempotency-Key " + message,
                    List.of(Map.of("field", "Idempotency-Key", "message", message))), null);
        }
        return true;
    }

    /** Whether the failure is another change's stored at the same moment (Axon may wrap it). */
    private static boolean concurrent(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code boundedWait}: a repeat waits for the first request at most {@link #REPEAT_WAIT} and is then refused with
     * 409 (send it again). For {@link #startOnce}, where each waiting repeat holds a pooled connection beside the ones
     * the first request's start needs, so that repeats cannot take the pool from it.
     */
    private ResponseEntity<?> inTransaction(String caller, String key, String fingerprint, boolean boundedWait,
                                            Supplier<ResponseEntity<?>> action) {
        return transactions.execute(status -> {
            if (boundedWait) {
                jdbc.sql("SET LOCAL lock_timeout = '" + REPEAT_WAIT.toMillis() + "ms'").update();
            }
            if (!claim(caller, key, fingerprint)) {
                Optional<Stored> stored = stored(caller, key);
                if (stored.isPresent()) {
                    return replay(stored.get(), fingerprint);
                }
                if (!claim(caller, key, fingerprint)) { // the sweep forgot it meanwhile: this request claims it
                    throw refused(HttpStatus.CONFLICT, "a request with this Idempotency-Key came at the same moment; "
                            + "send it again");
                }
            }
            // No catch in here: a failed command must leave by an exception, so that the claim is rolled back with it
            ResponseEntity<?> response = action.get();
            URI location = response.getHeaders().getLocation();
            jdbc.sql("UPDATE idempotency_key SET status = ?, etag = ?, location = ?, body = ? WHERE caller = ? AND key = ?")
                    .params(response.getStatusCode().value(), response.getHeaders().getETag(),
                            location == null ? null : location.toString(), write(response.getBody()), caller, key)
                    .update();
            return response;
        });
    }

    /**
     * Keys past their retention are forgotten every {@code dr.idempotency-key.sweep} (ten minutes), not on each
     * request. Every instance may do it: the delete is the same whoever runs it.
     */
    @Scheduled(fixedDelayString = "${dr.idempotency-key.sweep:PT10M}",
            initialDelayString = "${dr.idempotency-key.sweep:PT10M}")
    public void forgetExpired() {
        jdbc.sql("DELETE FROM idempotency_key WHERE created_at < ?")
                .param(Timestamp.from(clock.instant().minus(retention))).update();
    }

    /** PostgreSQL's lock_not_available (55P03), by its SQL state: Spring's translation of it has varied. */
    private static boolean lockTimeout(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether this request claimed the key: false when a request with it is stored (or is being, and has been). A wait
     * for another request with the key cut short by the lock timeout is a 409.
     */
    private boolean claim(String caller, String key, String fingerprint) {
        try {
            return jdbc.sql("INSERT INTO idempotency_key (caller, key, fingerprint, created_at) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT DO NOTHING")
                    .params(caller, key, fingerprint, Timestamp.from(clock.instant())).update() == 1;
        } catch (DataAccessException e) {
            if (!lockTimeout(e)) {
                throw e;
            }
            throw refused(HttpStatus.CONFLICT, "a request with this Idempotency-Key is still being handled; send it "
                    + "again in a moment to get its answer");
        }
    }

    private Optional<Stored> stored(String caller, String key) {
        return jdbc.sql("SELECT fingerprint, status, etag, location, body FROM idempotency_key WHERE caller = ? AND key = ?")
                .params(caller, key).query(Stored.class).optional();
    }

    private ResponseEntity<?> replay(Stored s, String fingerprint) {
        if (!s.fingerprint().equals(fingerprint)) {
            throw refused(HttpStatus.UNPROCESSABLE_ENTITY,
                    "this Idempotency-Key was used for a different request; use a new key for a new request");
        }
        if (s.status() == null) {
            // only a key claimed by a release that kept claims and answers apart, and cut short there
            throw refused(HttpStatus.CONFLICT, "a request with this Idempotency-Key was cut short and may have taken "
                    + "effect: look for what it would have made or changed, then send it again with a new key if it "
                    + "did not");
        }
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(s.status()).contentType(MediaType.APPLICATION_JSON);
        if (s.etag() != null) {
            builder.eTag(s.etag());
        }
        if (s.location() != null) {
            builder.location(URI.create(s.location()));
        }
        return builder.body(s.body());
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot keep the response for the Idempotency-Key", e);
        }
    }

    private static ErrorResponseException refused(HttpStatus status, String detail) {
        return new ErrorResponseException(status, problem(status, "Idempotency-Key", detail), null);
    }

    private record Stored(String fingerprint, Integer status, String etag, String location, String body) {
    }
}
