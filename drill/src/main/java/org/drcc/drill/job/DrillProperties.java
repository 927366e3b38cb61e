package org.drcc.drill.job;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How DR drills run.
 *
 * @param incidentUrl       incident-service, where each drill declares and walks its incident
 * @param actor             who the drill acts as on the incident (and the incident's DR lead)
 * @param database          the protected database whose scratch copies are drilled
 * @param reportsBucket     where the Markdown reports go
 * @param reportRetention   how long a report is kept (the plan: test results 2 years)
 * @param waitTimeout       the longest wait for a backup or its verification the drill needs
 * @param schedulingEnabled false in tests and on a second instance: no drill runs by the clock
 * @param schedules         the plan's test schedule: name to cron and the scenarios it drills
 * @param clientRegistration production: the id of a Spring Security OAuth 2.0 client registration
 *                          ({@code spring.security.oauth2.client.registration.<id>}, grant client_credentials)
 *                          with which the drill gets its own token from the identity provider, renewed as it expires
 * @param token             a fixed bearer token for incident-service (a stop-gap; prefer the client registration)
 * @param tokenSigningKey   locally: the private key of {@code dr up}'s token issuer, to mint the drill's token
 */
@ConfigurationProperties("dr.drill")
public record DrillProperties(
        @DefaultValue("http://localhost:8081") URI incidentUrl,
        @DefaultValue("dr-drill") String actor,
        @DefaultValue("foodtruck") String database,
        @DefaultValue("dr-drill-reports") String reportsBucket,
        @DefaultValue("P730D") Duration reportRetention,
        @DefaultValue("PT10M") Duration waitTimeout,
        @DefaultValue("true") boolean schedulingEnabled,
        Map<String, Schedule> schedules,
        String clientRegistration,
        String token,
        String tokenSigningKey) {

    public DrillProperties {
        schedules = schedules == null ? Map.of() : Map.copyOf(schedules);
    }

    /** A Spring cron expression and the scenarios drilled, one after the other, when it fires. */
    public record Schedule(String cron, List<String> scenarios, String description) {
    }
}
