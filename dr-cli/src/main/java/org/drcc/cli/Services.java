package org.drcc.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Where the services' APIs are, and who is acting. Defaults: the ports of ./dr up. */
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

    @Option(names = "--actor", scope = ScopeType.INHERIT, defaultValue = "${env:USER:-operator}",
            description = "Who you are; recorded on every change (default: ${DEFAULT-VALUE}).")
    String actor;

    Api incidents() {
        return new Api("incident-service", incidentUrl, actor);
    }

    Api backups() {
        return new Api("backup-service", backupUrl, actor);
    }

    Api notifications() {
        return new Api("notification-service", notificationUrl, actor);
    }

    Api metrics() {
        return new Api("metrics-service", metricsUrl, actor);
    }
}
