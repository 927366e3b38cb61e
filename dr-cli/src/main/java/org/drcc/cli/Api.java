package org.drcc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A small JSON client of one service's API; errors become {@link CliException}s with the service's own words. */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How many times {@link #postOnce} sends a change whose answer was lost. */
    static final int ATTEMPTS = 3;

    private final String service;
    private final String baseUrl;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    /** {@code token} may be null: the service then answers 401 and the CLI says to sign in. */
    Api(String service, String baseUrl, String token) {
        this.service = service;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.token = token;
    }

    JsonNode get(String path, Map<String, Object> query) {
        return json(HttpRequest.newBuilder(uri(path, query)).GET());
    }

    /** As {@link #get(String, Map)}, waiting up to {@code timeout} for the answer (a read that takes minutes). */
    JsonNode get(String path, Map<String, Object> query, Duration timeout) {
        return json(HttpRequest.newBuilder(uri(path, query)).GET(), timeout);
    }

    /** A text resource (such as a Markdown report); errors as for JSON. */
    String text(String path) {
        return utf8(exchange(HttpRequest.newBuilder(uri(path, Map.of())).GET(), Duration.ofMinutes(2), false));
    }

    JsonNode post(String path, Object body) {
        return post(path, body, Duration.ofMinutes(2));
    }

    /** For a call that answers only when its work is done (a catalogue rebuild reads every dump it imports). */
    JsonNode post(String path, Object body, Duration timeout) {
        return json(HttpRequest.newBuilder(uri(path, Map.of())).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))), timeout);
    }

    /**
     * A change that its service runs at most once per {@code Idempotency-Key} (incident-service: a declaration, a step
     * of an incident, a maintenance window; backup-service: the start of a backup, a verification, a restore, a base
     * backup, a drill): sent with a new key, and sent again with the same key when its answer was lost on the way (the
     * connection reset or timed out after the request had left), up to {@value #ATTEMPTS} times in all, {@code n}
     * seconds after the {@code n}th. The service answers a repeat with the first answer, so a flaky network in an
     * outage neither leaves the operator wondering whether the incident was declared (the restore started) nor does
     * it twice. Not for other calls: a call that ignores the key would run again.
     */
    JsonNode postOnce(String path, Object body) {
        return once("POST", path, body);
    }

    /** As {@link #postOnce}, a PUT. */
    JsonNode putOnce(String path, Object body) {
        return once("PUT", path, body);
    }

    private JsonNode once(String method, String path, Object body) {
        String key = "dr-cli-" + UUID.randomUUID();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path, Map.of()))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Idempotency-Key", key).method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<byte[]> response = http.send(signed(request.copy()).timeout(Duration.ofMinutes(2)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() >= 400) {
                    String text = utf8(response.body());
                    if (attempt > 1 && attempt < ATTEMPTS && stillHandled(response.statusCode(), text)) {
                        pause(Duration.ofSeconds(attempt)); // the first attempt is still running: ask for its answer
                        continue;
                    }
                    CliException refusal = refused(response.statusCode(), text, true);
                    throw attempt == 1 ? refusal : inDoubt(refusal.exitCode(), refusal.getMessage(), attempt, key);
                }
                return read(utf8(response.body()));
            } catch (ConnectException | HttpConnectTimeoutException e) {
                if (attempt == 1) {
                    throw unreachable(); // nothing was sent
                }
                // the service went away after the first attempt, which may have taken effect: try again
                if (attempt == ATTEMPTS) {
                    throw inDoubt(CliException.UNREACHABLE, unreachable().getMessage(), attempt, key);
                }
                pause(Duration.ofSeconds(attempt));
            } catch (IOException e) {
                if (attempt == ATTEMPTS) {
                    throw inDoubt(CliException.UNREACHABLE, service + " at " + baseUrl + " failed: " + e.getMessage(),
                            attempt, key);
                }
                pause(Duration.ofSeconds(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(CliException.UNREACHABLE, "interrupted");
            }
        }
    }

    /**
     * The service's 409 about the key itself (problem title {@code Idempotency-Key}): a request with it is still
     * being handled, the earlier attempt of this one, whose answer a resend gets once it is kept.
     */
    private static boolean stillHandled(int status, String text) {
        if (status != 409) {
            return false;
        }
        try {
            return "Idempotency-Key".equals(JSON.readTree(text).path("title").asText());
        } catch (IOException notJson) {
            return false;
        }
    }

    /** The last of several attempts failed: an earlier one may have taken effect, and the operator must look. */
    private static CliException inDoubt(int exitCode, String message, int attempts, String key) {
        return new CliException(exitCode, message + " (sent " + attempts + " times with Idempotency-Key " + key
                + ": it took effect at most once, and an earlier attempt may have: look before sending it again)");
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.UNREACHABLE, "interrupted");
        }
    }

    JsonNode put(String path, Object body) {
        return json(HttpRequest.newBuilder(uri(path, Map.of())).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    /**
     * Streams a binary answer (a zip, say) to {@code target} as it arrives, never holding it whole in memory: into
     * {@code <target>.part} first, moved into place once complete, so a broken download leaves no file that looks
     * whole. A refusal is reported with the service's own words and leaves nothing behind.
     */
    long download(String path, Map<String, Object> query, String accept, Path target) {
        Path partial = target.toAbsolutePath().resolveSibling(target.getFileName() + ".part");
        try {
            HttpResponse<Path> response = send(HttpRequest.newBuilder(uri(path, query)).GET()
                    .header("Accept", accept + ", application/problem+json"), Duration.ofMinutes(10),
                    HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() >= 400) {
                String refusal = Files.readString(partial, StandardCharsets.UTF_8);
                throw refused(response.statusCode(), refusal, false);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Files.size(target);
        } catch (IOException e) {
            throw failed(e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the .part file of a failed download: nothing more to do than say why it failed, done above
            }
        }
    }

    /** A JSON object from key/value pairs, leaving out null values. */
    static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                body.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return body;
    }

    /** The request with the caller's bearer token, when there is one. */
    private HttpRequest.Builder signed(HttpRequest.Builder request) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private JsonNode json(HttpRequest.Builder request) {
        return json(request, Duration.ofMinutes(2));
    }

    private JsonNode json(HttpRequest.Builder request, Duration timeout) {
        return read(utf8(exchange(request.header("Accept", "application/json"), timeout, true)));
    }

    /**
     * Sends the request with the caller's token and answers the body; a refusal (400 and up) becomes a
     * {@link CliException} with the service's own words, and a 401 to a JSON call says how to sign in.
     */
    private byte[] exchange(HttpRequest.Builder request, Duration timeout, boolean json) {
        HttpResponse<byte[]> response = send(request, timeout, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 400) {
            throw refused(response.statusCode(), utf8(response.body()), json);
        }
        return response.body();
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, Duration timeout, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(signed(request).timeout(timeout).build(), body);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw unreachable();
        } catch (HttpTimeoutException e) {
            throw CliException.unanswered(service + " at " + baseUrl + " took the request but gave no answer within "
                    + timeout.toMinutes() + " min");
        } catch (IOException e) {
            throw failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.UNREACHABLE, "interrupted");
        }
    }

    private CliException unreachable() {
        return new CliException(CliException.UNREACHABLE, service + " is not reachable at " + baseUrl
                + ": is the suite running (./dr up)? Or set its URL with --" + service.replace("-service", "") + "-url");
    }

    /** A refusal (400 and up) with the service's own words; a 401 to a JSON call says how to sign in. */
    private CliException refused(int status, String text, boolean json) {
        JsonNode body;
        try {
            body = text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
        } catch (IOException notJson) {
            body = JSON.nullNode();
        }
        if (json && status == 401) {
            return new CliException(CliException.REFUSED, service + " answered 401: sign in first (./dr login --role "
                    + "<role>) or pass --token; " + (body.hasNonNull("detail") ? body.get("detail").asText() : ""));
        }
        String detail = body.hasNonNull("detail") ? body.get("detail").asText() : text;
        return new CliException(CliException.REFUSED, service + " answered " + status + ": " + detail);
    }

    /** The body as JSON; an empty one is JSON's null. */
    private JsonNode read(String text) {
        try {
            return text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private CliException failed(IOException e) {
        return new CliException(CliException.UNREACHABLE, service + " at " + baseUrl + " failed: " + e.getMessage());
    }

    private static String utf8(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private URI uri(String path, Map<String, Object> query) {
        StringBuilder url = new StringBuilder(baseUrl).append(path);
        String separator = "?";
        for (Map.Entry<String, Object> q : query.entrySet()) {
            if (q.getValue() != null) {
                url.append(separator).append(q.getKey()).append('=')
                        .append(URLEncoder.encode(q.getValue().toString(), StandardCharsets.UTF_8));
                separator = "&";
            }
        }
        return URI.create(url.toString());
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
