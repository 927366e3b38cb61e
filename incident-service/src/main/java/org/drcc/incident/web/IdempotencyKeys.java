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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The {@code Idempotency-Key} header: the first request with a key runs and its answer is kept; a
 * retry with the same key and the same request gets that answer again without running twice. A key is the
 * caller's own (another caller's same key is another request, and never sees the first one's answer), and it is
 * kept for {@code dr.incident.idempotency-key-retention} (a day), as long as a client retries, not forever.
 */
@Component
class IdempotencyKeys {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration retention;

    IdempotencyKeys(JdbcClient jdbc, ObjectMapper json, Clock clock,
                    @Value("${dr.incident.idempotency-key-retention:P1D}") Duration retention) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.retention = retention;
    }

    ResponseEntity<?> once(String caller, String key, String fingerprint, Supplier<ResponseEntity<?>> action) {
        if (key == null || key.isBlank()) {
            return action.get();
        }
        if (key.length() > 200) {
            throw new InvalidFieldException("Idempotency-Key", "must be at most 200 characters");
        }
        jdbc.sql("DELETE FROM idempotency_key WHERE created_at < ?")
                .param(Timestamp.from(clock.instant().minus(retention))).update();
        int claimed = jdbc.sql("INSERT INTO idempotency_key (caller, key, fingerprint, created_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING")
                .params(caller, key, fingerprint, Timestamp.from(clock.instant())).update();
        if (claimed == 0) {
            return replay(caller, key, fingerprint);
        }
        try {
            ResponseEntity<?> response = action.get();
            URI location = response.getHeaders().getLocation();
            jdbc.sql("UPDATE idempotency_key SET status = ?, etag = ?, location = ?, body = ? WHERE caller = ? AND key = ?")
                    .params(response.getStatusCode().value(), response.getHeaders().getETag(),
                            location == null ? null : location.toString(), write(response.getBody()), caller, key)
                    .update();
            return response;
        } catch (RuntimeException e) {
            jdbc.sql("DELETE FROM idempotency_key WHERE caller = ? AND key = ?").params(caller, key).update();
            throw e;
        }
    }

    private ResponseEntity<?> replay(String caller, String key, String fingerprint) {
        Optional<Stored> stored = jdbc.sql("SELECT fingerprint, status, etag, location, body FROM idempotency_key "
                + "WHERE caller = ? AND key = ?").params(caller, key).query(Stored.class).optional();
        if (stored.isEmpty()) {
            throw refused(HttpStatus.CONFLICT, "a request with this Idempotency-Key failed just now; send it again");
        }
        Stored s = stored.get();
        if (!s.fingerprint().equals(fingerprint)) {
            throw refused(HttpStatus.UNPROCESSABLE_ENTITY,
                    "this Idempotency-Key was used for a different request; use a new key for a new request");
        }
        if (s.status() == null) {
            throw refused(HttpStatus.CONFLICT, "a request with this Idempotency-Key is still being processed");
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
