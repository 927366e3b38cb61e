package org.drcc.console.api;

/** The four services the console talks to. */
public enum Service {
    INCIDENT("incident-service"), BACKUP("backup-service"), NOTIFICATION("notification-service"), METRICS("metrics-service");

    private final String label;

    Service(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    String url(ConsoleServices services) {
        return switch (this) {
            case INCIDENT -> services.incidentUrl();
            case BACKUP -> services.backupUrl();
            case NOTIFICATION -> services.notificationUrl();
            case METRICS -> services.metricsUrl();
        };
    }
}
