package org.drcc.console.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the four services' APIs are (the ports of {@code ./dr up} by default; DR_CONSOLE_INCIDENT_URL, ...). */
@ConfigurationProperties("dr.console")
public record ConsoleServices(@DefaultValue("http://127.0.0.1:8081") String incidentUrl,
                              @DefaultValue("http://127.0.0.1:8082") String backupUrl,
                              @DefaultValue("http://127.0.0.1:8083") String notificationUrl,
                              @DefaultValue("http://127.0.0.1:8084") String metricsUrl) {
}
