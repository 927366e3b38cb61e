package org.drcc.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationGrantError;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Signing in at the identity provider from a terminal: the OAuth 2.0 device authorization grant (RFC 8628), by
 * Nimbus's OAuth 2.0 SDK. The person opens the provider's page on any device and enters the code shown; the CLI
 * polls the token endpoint until they did. The access token goes where the dr commands read it ({@code token});
 * the refresh token, with the issuer and client, beside it ({@code login.json}, 0600), so that a command finding
 * the access token about to expire gets a new one without asking the person again.
 */
final class DeviceLogin {

    /** What dr login keeps beside the token to renew it. */
    record Session(String issuer, String clientId, String refreshToken, Instant expiresAt) {
    }

    /** Waits between polls; a test passes one that does not sleep. */
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    static final String SESSION_FILE = "login.json";
    /** A token this close to its end is renewed before it is sent. */
    static final Duration RENEW_BEFORE = Duration.ofSeconds(30);

    private DeviceLogin() {
    }

    /** Signs the person in and keeps the tokens in {@code tokenFile} and its sibling login.json. */
    static Instant signIn(String issuer, String clientId, Path tokenFile, PrintStream out, Pause pause, Clock clock)
            throws IOException, InterruptedException {
        OIDCProviderMetadata provider = provider(issuer);
        if (provider.getDeviceAuthorizationEndpointURI() == null) {
            throw new CliException(CliException.USAGE, issuer + " offers no device authorization endpoint: enable the "
                    + "OAuth 2.0 device grant for client " + clientId + " at the identity provider");
        }
        DeviceAuthorizationResponse asked = send(() -> DeviceAuthorizationResponse.parse(new DeviceAuthorizationRequest(
                provider.getDeviceAuthorizationEndpointURI(), new ClientID(clientId), new Scope("openid", "offline_access"))
                .toHTTPRequest().send()));
        if (!asked.indicatesSuccess()) {
            throw refused("the identity provider refused to start the sign-in", asked.toErrorResponse().getErrorObject());
        }
        DeviceAuthorizationSuccessResponse device = asked.toSuccessResponse();
        out.printf("To sign in, open %s and enter the code %s%n", device.getVerificationURI(),
                device.getUserCode().getValue());
        if (device.getVerificationURIComplete() != null) {
            out.printf("(or open %s)%n", device.getVerificationURIComplete());
        }
        Duration interval = Duration.ofSeconds(Math.max(1, device.getInterval()));
        Instant deadline = clock.instant().plusSeconds(device.getLifetime());
        while (clock.instant().isBefore(deadline)) {
            TokenResponse answer = send(() -> TokenResponse.parse(new TokenRequest(provider.getTokenEndpointURI(),
                    new ClientID(clientId), new DeviceCodeGrant(device.getDeviceCode())).toHTTPRequest().send()));
            if (answer.indicatesSuccess()) {
                return keep(issuer, clientId, answer.toSuccessResponse(), tokenFile, clock);
            }
            ErrorObject error = answer.toErrorResponse().getErrorObject();
            if (DeviceAuthorizationGrantError.SLOW_DOWN.getCode().equals(error.getCode())) {
                interval = interval.plusSeconds(5);
            } else if (!DeviceAuthorizationGrantError.AUTHORIZATION_PENDING.getCode().equals(error.getCode())) {
                throw refused("not signed in", error);
            }
            pause.sleep(interval);
        }
        throw new CliException(CliException.USAGE, "not signed in: the code expired before it was entered; run dr login again");
    }

    /**
     * The token to send: the one in {@code tokenFile}, renewed first with the kept refresh token when it is about to
     * expire and dr login --issuer signed in; null when there is none.
     */
    static String current(Path tokenFile, Clock clock) throws IOException {
        if (!Files.isRegularFile(tokenFile)) {
            return null;
        }
        Path sessionFile = tokenFile.resolveSibling(SESSION_FILE);
        if (Files.isRegularFile(sessionFile)) {
            Session session = JSON.readValue(sessionFile.toFile(), Session.class);
            if (session.refreshToken() != null && clock.instant().plus(RENEW_BEFORE).isAfter(session.expiresAt())) {
                OIDCProviderMetadata provider = provider(session.issuer());
                TokenResponse answer = send(() -> TokenResponse.parse(new TokenRequest(provider.getTokenEndpointURI(),
                        new ClientID(session.clientId()), new RefreshTokenGrant(new RefreshToken(session.refreshToken())))
                        .toHTTPRequest().send()));
                if (!answer.indicatesSuccess()) {
                    throw refused("the sign-in expired and could not be renewed; run dr login --issuer "
                            + session.issuer() + " again", answer.toErrorResponse().getErrorObject());
                }
                keep(session.issuer(), session.clientId(), answer.toSuccessResponse(), tokenFile, clock);
            }
        }
        return Files.readString(tokenFile).trim();
    }

    private static Instant keep(String issuer, String clientId, AccessTokenResponse tokens, Path tokenFile, Clock clock)
            throws IOException {
        long lifetime = tokens.getTokens().getAccessToken().getLifetime();
        Instant expiresAt = clock.instant().plusSeconds(lifetime > 0 ? lifetime : 300);
        RefreshToken refresh = tokens.getTokens().getRefreshToken();
        Path sessionFile = tokenFile.resolveSibling(SESSION_FILE);
        String previous = Files.isRegularFile(sessionFile)
                ? JSON.readValue(sessionFile.toFile(), Session.class).refreshToken() : null;
        writeOwnerOnly(tokenFile, tokens.getTokens().getAccessToken().getValue());
        writeOwnerOnly(sessionFile, JSON.writeValueAsString(new Session(issuer, clientId,
                refresh != null ? refresh.getValue() : previous, expiresAt)));
        return expiresAt;
    }

    private static OIDCProviderMetadata provider(String issuer) throws IOException {
        try {
            return OIDCProviderMetadata.resolve(new Issuer(issuer));
        } catch (GeneralException e) {
            throw new CliException(CliException.USAGE, issuer + " is no OpenID Connect issuer this CLI can read ("
                    + e.getMessage() + ")");
        }
    }

    /** Written readable by its owner only from the start, then moved into place. */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path fresh = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(fresh);
        try {
            Files.createFile(fresh, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(fresh);
        }
        Files.writeString(fresh, content);
        Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static CliException refused(String what, ErrorObject error) {
        String why = error == null ? "" : ": " + error.getCode()
                + (error.getDescription() == null ? "" : " (" + error.getDescription() + ")");
        return new CliException(CliException.REFUSED, what + why);
    }

    private interface Call<T> {
        T call() throws IOException, com.nimbusds.oauth2.sdk.ParseException;
    }

    private static <T> T send(Call<T> call) throws IOException {
        try {
            return call.call();
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new CliException(CliException.USAGE, "the identity provider answered something unreadable: "
                    + e.getMessage());
        }
    }
}
