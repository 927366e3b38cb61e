package org.drcc.notification.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.drcc.contract.incident.Severity;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code dr.communication}: who is told, in which tier, by which deadline, through which channels. */
@Validated
@ConfigurationProperties("dr.communication")
public record CommunicationPlan(@NotEmpty List<@Valid Tier> tiers, @Valid Escalation escalation) {

    public record Tier(@NotEmpty String id, @NotNull Duration deadline, @NotEmpty List<@Valid Audience> audiences) {
    }

    /**
     * An audience with no severities and no scenarios is told about every incident. One without
     * contacts is recorded only (channel {@code log}), so the plan still says who is owed what by when.
     */
    public record Audience(@NotEmpty String name, @DefaultValue Set<Severity> severities,
                           @DefaultValue Set<String> scenarios, @DefaultValue List<@Valid Contact> contacts) {

        public boolean concerns(Severity severity, String scenario) {
            return (severity == null || severities.isEmpty() || severities.contains(severity))
                    && (scenarios.isEmpty() || scenarios.contains(scenario));
        }

        public List<Contact> contactsOrLog() {
            return contacts.isEmpty() ? List.of(Contact.LOG) : contacts;
        }
    }

    /**
     * When nobody of {@code tier} acknowledged the declaration within {@code after}, the plan's
     * escalation audiences are told. No escalation section: nobody is escalated to.
     */
    public record Escalation(@DefaultValue("immediate") String tier, @DefaultValue("PT15M") Duration after,
                             @DefaultValue List<@Valid Audience> audiences) {
    }

    public Optional<Contact> contact(String audience, String contact) {
        Stream<Audience> escalated = escalation == null ? Stream.empty() : escalation.audiences().stream();
        return Stream.concat(tiers.stream().flatMap(t -> t.audiences().stream()), escalated)
                .filter(a -> a.name().equals(audience))
                .flatMap(a -> a.contactsOrLog().stream()).filter(c -> c.name().equals(contact)).findFirst();
    }
}
