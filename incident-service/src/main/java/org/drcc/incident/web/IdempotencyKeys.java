package org.drcc.incident.web;

import static org.drcc.kit.problem.Problems.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The {@code Idempotency-Key} header: the first request with a key runs and its answer is kept; a
 * retry with the same key and the same request gets that answer again without running twice.
 */
@Component
class IdempotencyKeys {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    IdempotencyKeys(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    ResponseEntity<?> once(String key, String fingerprint, Supplier<ResponseEntity<?>> action) {
        if (key == null || key.isBlank()) {
            return action.get();
        }
        if (key.length() > 200) {
            throw new InvalidFieldException("Idempotency-Key", "must be at most 200 characters");
        }
        int claimed = jdbc.sql("INSERT INTO idempotency_key (key, fingerprint) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(key, fingerprint).update();
        if (claimed == 0) {
            return replay(key, fingerprint);
        }
        try {
            ResponseEntity<?> response = action.get();
            URI location = response.getHeaders().getLocation();
            jdbc.sql("UPDATE idempotency_key SET status = ?, etag = ?, location = ?, body = ? WHERE key = ?")
                    .params(response.getStatusCode().value(), response.getHeaders().getETag(),
                            location == null ? null : location.toString(), write(response.getBody()), key)
                    .update();
            return response;
        } catch (RuntimeException e) {
            jdbc.sql("DELETE FROM idempotency_key WHERE key = ?").param(key).update();
            throw e;
        }
    }

    private ResponseEntity<?> replay(String key, String fingerprint) {
        Optional<Stored> stored = jdbc.sql("SELECT fingerprint, status, etag, location, body FROM idempotency_key WHERE key = ?")
                .param(key).query(Stored.class).optional();
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
