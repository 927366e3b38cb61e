package org.drcc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dr login --issuer against a stand-in identity provider on loopback: discovery, the device authorization grant
 * (pending once, then granted), and the refresh of a token about to expire by the next dr command.
 */
class DeviceLoginTest {

    @TempDir
    Path dir;
    private HttpServer idp;
    private String issuer;
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private final AtomicInteger polls = new AtomicInteger();
    private volatile String deviceAnswer = "granted";

    @BeforeEach
    void identityProvider() throws IOException {
        idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + idp.getAddress().getPort() + "/realms/dr";
        idp.createContext("/realms/dr/.well-known/openid-configuration", e -> json(e, 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/auth","token_endpoint":"%1$s/token",
                 "device_authorization_endpoint":"%1$s/device","jwks_uri":"%1$s/certs",
                 "response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer)));
        idp.createContext("/realms/dr/device", e -> json(e, 200, """
                {"device_code":"dev-123","user_code":"WDJB-MJHT","verification_uri":"%1$s/device-page",
                 "verification_uri_complete":"%1$s/device-page?user_code=WDJB-MJHT","expires_in":600,"interval":5}"""
                .formatted(issuer)));
        idp.createContext("/realms/dr/token", e -> {
            String form = new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            tokenRequests.add(form);
            if (form.contains("grant_type=refresh_token")) {
                json(e, 200, "{\"access_token\":\"access-2\",\"token_type\":\"Bearer\",\"expires_in\":300}");
            } else if (polls.incrementAndGet() == 1) {
                json(e, 400, "{\"error\":\"authorization_pending\"}");
            } else if (deviceAnswer.equals("denied")) {
                json(e, 400, "{\"error\":\"access_denied\",\"error_description\":\"the person said no\"}");
            } else {
                json(e, 200, "{\"access_token\":\"access-1\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                        + "\"refresh_token\":\"refresh-1\"}");
            }
        });
        idp.start();
    }

    @AfterEach
    void stop() {
        idp.stop(0);
    }

    @Test
    void thePersonEntersTheCodeShownAndTheTokenIsKeptForTheOtherCommandsAndRenewedBeforeItExpires() throws Exception {
        Path token = dir.resolve("token");
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        List<Duration> waits = new CopyOnWriteArrayList<>();
        Clock start = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);

        Instant until = DeviceLogin.signIn(issuer, "dr-cli", token, new PrintStream(shown, true), waits::add, start);

        assertThat(shown.toString()).contains(issuer + "/device-page").contains("WDJB-MJHT");
        assertThat(waits).as("polled again after the provider's interval").containsExactly(Duration.ofSeconds(5));
        assertThat(tokenRequests.get(0)).contains("device_code=dev-123").contains("client_id=dr-cli");
        assertThat(until).isEqualTo(Instant.parse("2026-11-30T10:05:00Z"));
        assertThat(Files.readString(token)).isEqualTo("access-1");
        Path session = dir.resolve(DeviceLogin.SESSION_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(session))).isEqualTo("rw-------");

        assertThat(DeviceLogin.current(token, Clock.offset(start, Duration.ofMinutes(1))))
                .as("still valid: sent as it is").isEqualTo("access-1");
        assertThat(DeviceLogin.current(token, Clock.offset(start, Duration.ofMinutes(4).plusSeconds(45))))
                .as("about to expire: renewed with the refresh token first").isEqualTo("access-2");
        assertThat(tokenRequests.get(tokenRequests.size() - 1)).contains("grant_type=refresh_token")
                .contains("refresh_token=refresh-1");
        assertThat(Files.readString(session)).as("the refresh token the provider did not replace is kept")
                .contains("refresh-1");
    }

    @Test
    void aRefusedSignInSaysWhyAndKeepsNoToken() {
        deviceAnswer = "denied";
        Path token = dir.resolve("token");

        assertThatThrownBy(() -> DeviceLogin.signIn(issuer, "dr-cli", token, new PrintStream(new ByteArrayOutputStream()),
                d -> { }, Clock.systemUTC()))
                .isInstanceOf(CliException.class).hasMessageContaining("access_denied").hasMessageContaining("said no");
        assertThat(token).doesNotExist();
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
