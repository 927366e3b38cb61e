package org.drcc.incident.web;

import static org.drcc.kit.problem.Problems.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * The {@code Idempotency-Key} header: the first request with a key runs and its answer is kept; a
 * retry with the same key and the same request gets that answer again without running twice. A key is the
 * caller's own (another caller's same key is another request, and never sees the first one's answer), and it is
 * kept for {@code dr.incident.idempotency-key-retention} (a day), as long as a client retries, not forever.
 *
 * <p>The key's claim, the request's commands and the kept answer are one transaction of the service's database
 * (the commands' events join it): a request cut short anywhere, by a crash or an error, leaves neither its effect
 * nor its key, so its retry runs afresh; one that took effect has its answer kept with it. A retry sent while the
 * first is still running waits for it (PostgreSQL's lock on the key's row) and then gets its answer.
 */
@Component
class IdempotencyKeys {

    /** Tries of a change that met another change to the same aggregate at the same moment. */
    private static final int ATTEMPTS = 3;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration retention;
    private final TransactionTemplate transactions;

    IdempotencyKeys(JdbcClient jdbc, ObjectMapper json, Clock clock, TransactionTemplate transactions,
                    @Value("${dr.incident.idempotency-key-retention:P1D}") Duration retention) {
        this.transactions = transactions;
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
    ResponseEntity<?> once(String caller, String key, String fingerprint, Supplier<ResponseEntity<?>> action) {
        boolean keyed = key != null && !key.isBlank();
        if (keyed && key.length() > 200) {
            throw new InvalidFieldException("Idempotency-Key", "must be at most 200 characters");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return keyed ? inTransaction(caller, key, fingerprint, action) : action.get();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !concurrent(e)) {
                    throw e;
                }
            }
        }
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

    private ResponseEntity<?> inTransaction(String caller, String key, String fingerprint,
                                            Supplier<ResponseEntity<?>> action) {
        return transactions.execute(status -> {
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
     * Keys past their retention are forgotten every {@code dr.incident.idempotency-key-sweep} (ten minutes), not on
     * each request. Every instance may do it: the delete is the same whoever runs it.
     */
    @Scheduled(fixedDelayString = "${dr.incident.idempotency-key-sweep:PT10M}",
            initialDelayString = "${dr.incident.idempotency-key-sweep:PT10M}")
    void forgetExpired() {
        jdbc.sql("DELETE FROM idempotency_key WHERE created_at < ?")
                .param(Timestamp.from(clock.instant().minus(retention))).update();
    }

    /** Whether this request claimed the key: false when a request with it is stored (or is being, and has been). */
    private boolean claim(String caller, String key, String fingerprint) {
        return jdbc.sql("INSERT INTO idempotency_key (caller, key, fingerprint, created_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING")
                .params(caller, key, fingerprint, Timestamp.from(clock.instant())).update() == 1;
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
                    + "effect: look for it (GET /api/incidents), then send it again with a new key if it did not");
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
