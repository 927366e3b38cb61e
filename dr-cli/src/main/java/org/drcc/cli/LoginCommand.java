package org.drcc.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.drcc.engines.LocalSigningKey;
import org.drcc.engines.LocalTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Issues a short-lived token with the local signing key of dr up; the other dr commands send it. */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Signs you in: with --issuer at your identity provider (OAuth 2.0 device authorization: open "
                + "the page shown and enter the code; the token is renewed as it expires), else to the local suite "
                + "with a short-lived token for one role. The token is kept in the data directory "
                + "(<data-dir>/token) and sent by every other dr command.")
class LoginCommand implements Callable<Integer> {

    static final List<String> ROLES = List.of("dr-lead", "dba", "devops", "security", "support", "viewer", "auditor");
    static final Duration MAX_TTL = Duration.ofHours(12);

    @Option(names = "--role", description = "Locally: one of dr-lead, dba, devops, security, support, viewer, auditor.")
    String role;

    @Option(names = "--issuer", description = "Your identity provider's issuer URL (OpenID Connect), e.g. "
            + "https://id.example.com/realms/dr: sign in there instead of locally; your roles are the provider's.")
    String issuer;

    @Option(names = "--client-id", defaultValue = "dr-cli",
            description = "The public client of the CLI at the identity provider (default: ${DEFAULT-VALUE}).")
    String clientId;

    @Option(names = "--name", defaultValue = "${env:USER:-operator}",
            description = "Who you are; recorded as the actor of every change (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--ttl", defaultValue = "PT1H", description = "How long the token is valid, ISO-8601, at most 12 h (default: ${DEFAULT-VALUE}).")
    Duration ttl;

    @Option(names = "--data-dir", defaultValue = ".dr", description = "The data directory of dr up (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (issuer != null) {
            Path file = dataDir.resolve("token");
            Instant until = DeviceLogin.signIn(issuer, clientId, file, System.out, d -> Thread.sleep(d.toMillis()), Clock.systemUTC());
            System.out.printf("Signed in at %s until %s (renewed as it expires). The dr commands send the token in %s.%n",
                    issuer, until, file);
            return 0;
        }
        if (role == null || !ROLES.contains(role)) {
            throw new CliException(CliException.USAGE, "unknown role '" + role + "': one of " + ROLES);
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new CliException(CliException.USAGE, "--ttl must be between PT1S and PT12H");
        }
        String token = new LocalTokens(LocalSigningKey.in(dataDir.resolve("keys"))).issue(name, List.of(role), ttl);
        Path file = dataDir.resolve("token");
        Files.createDirectories(dataDir);
        Files.writeString(file, token);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the data directory's own permissions protect it
        }
        System.out.printf("Signed in as %s (%s) until %s. The dr commands send the token in %s; for curl: "
                + "-H \"Authorization: Bearer $(cat %s)\"%n", name, role, Instant.now().plus(ttl), file, file);
        return 0;
    }
}
