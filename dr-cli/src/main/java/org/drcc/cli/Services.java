package org.drcc.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Where the services' APIs are, and the token that says who is acting. Defaults: the ports of ./dr up. */
class Services {

    @Option(names = "--incident-url", scope = ScopeType.INHERIT, defaultValue = "${env:DR_INCIDENT_URL:-http://127.0.0.1:8081}",
            description = "incident-service API (default: ${DEFAULT-VALUE}; env DR_INCIDENT_URL).")
    String incidentUrl;

    @Option(names = "--backup-url", scope = ScopeType.INHERIT, defaultValue = "${env:DR_BACKUP_URL:-http://127.0.0.1:8082}",
            description = "backup-service API (default: ${DEFAULT-VALUE}; env DR_BACKUP_URL).")
    String backupUrl;

    @Option(names = "--notification-url", scope = ScopeType.INHERIT, defaultValue = "${env:DR_NOTIFICATION_URL:-http://127.0.0.1:8083}",
            description = "notification-service API (default: ${DEFAULT-VALUE}; env DR_NOTIFICATION_URL).")
    String notificationUrl;

    @Option(names = "--metrics-url", scope = ScopeType.INHERIT, defaultValue = "${env:DR_METRICS_URL:-http://127.0.0.1:8084}",
            description = "metrics-service API (default: ${DEFAULT-VALUE}; env DR_METRICS_URL).")
    String metricsUrl;

    @Option(names = "--token", scope = ScopeType.INHERIT, defaultValue = "${env:DR_TOKEN}",
            description = "The bearer token to send (env DR_TOKEN); default: the one of dr login, in --token-file.")
    String token;

    @Option(names = "--token-file", scope = ScopeType.INHERIT, defaultValue = "${env:DR_TOKEN_FILE:-.dr/token}",
            description = "Where dr login keeps its token (default: ${DEFAULT-VALUE}; env DR_TOKEN_FILE).")
    Path tokenFile;

    Api incidents() {
        return new Api("incident-service", incidentUrl, bearer());
    }

    Api backups() {
        return new Api("backup-service", backupUrl, bearer());
    }

    Api notifications() {
        return new Api("notification-service", notificationUrl, bearer());
    }

    Api metrics() {
        return new Api("metrics-service", metricsUrl, bearer());
    }

    /** Who is acting is the token's business: the services record the caller it names. */
    private String bearer() {
        if (token != null && !token.isBlank()) {
            return token.trim();
        }
        try {
            // renewed first when dr login --issuer signed in and it is about to expire
            return DeviceLogin.current(tokenFile, Clock.systemUTC());
        } catch (IOException e) {
            throw new CliException(CliException.USAGE, "cannot read the token in " + tokenFile + ": " + e.getMessage());
        }
    }
}
