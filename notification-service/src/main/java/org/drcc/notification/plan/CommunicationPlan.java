package org.drcc.notification.plan;

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

/**
 * {@code dr.communication}: who is told, in which tier, by which deadline, through which channels; who owns
 * each protected database (told when its backups are at risk); and who owns the plan ({@code planOwners}: reminded
 * of each review the plan's review schedule owes). Loaded from the file at
 * start-up; changed through the API afterwards (see {@code PlanInForce}).
 */
@Validated
@ConfigurationProperties("dr.communication")
public record CommunicationPlan(@NotEmpty List<@Valid Tier> tiers, @Valid Escalation escalation,
                                @DefaultValue List<@Valid DatabaseOwners> databases,
                                @DefaultValue List<@Valid Audience> planOwners) {

    public CommunicationPlan {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        databases = databases == null ? List.of() : List.copyOf(databases);
        planOwners = planOwners == null ? List.of() : List.copyOf(planOwners);
    }

    public record Tier(@NotEmpty String id, @NotNull Duration deadline, @NotEmpty List<@Valid Audience> audiences) {

        public Tier {
            audiences = audiences == null ? List.of() : List.copyOf(audiences);
        }
    }

    /**
     * An audience with no severities and no scenarios is told about every incident. One without
     * contacts is recorded only (channel {@code log}), so the plan still says who is owed what by when.
     * {@code members} are the people (the user names their tokens carry) who may acknowledge its messages.
     * {@code openLongerThan}: told only of an incident whose outage (declared, not yet restored) lasts longer, the
     * plan's "if extended outage": an {@code extended-outage} message then, and the incident's later messages.
     */
    public record Audience(@NotEmpty String name, @DefaultValue Set<Severity> severities,
                           @DefaultValue Set<String> scenarios, @DefaultValue List<@Valid Contact> contacts,
                           @DefaultValue Set<String> members, Duration openLongerThan) {


        public Audience {
            members = members == null ? Set.of() : Set.copyOf(members);
            severities = severities == null ? Set.of() : Set.copyOf(severities);
            scenarios = scenarios == null ? Set.of() : Set.copyOf(scenarios);
            contacts = contacts == null ? List.of() : List.copyOf(contacts);
        }

        public boolean concerns(Severity severity, String scenario) {
            return (severity == null || severities.isEmpty() || severities.contains(severity))
                    && (scenarios.isEmpty() || scenarios.contains(scenario));
        }

        /** Whether an incident open for {@code open} is long enough for this audience ({@code null}: not known). */
        public boolean openLongEnough(Duration open) {
            return openLongerThan == null || (open != null && open.compareTo(openLongerThan) > 0);
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

        public Escalation {
            tier = tier == null ? "immediate" : tier;
            after = after == null ? Duration.ofMinutes(15) : after;
            audiences = audiences == null ? List.of() : List.copyOf(audiences);
        }
    }

    /**
     * The owners of one protected database: told when its newest good backup is older than its RPO,
     * when it is back within it, and when one of its backups fails verification.
     */
    public record DatabaseOwners(@NotEmpty String database, @NotEmpty List<@Valid Audience> owners) {

        public DatabaseOwners {
            owners = owners == null ? List.of() : List.copyOf(owners);
        }
    }

    public Optional<Contact> contact(String audience, String contact) {
        return audiences().filter(a -> a.name().equals(audience))
                .flatMap(a -> a.contactsOrLog().stream()).filter(c -> c.name().equals(contact)).findFirst();
    }

    /** Whether {@code person} is a member of the audience {@code audience}, wherever the plan names it. */
    public boolean isMember(String audience, String person) {
        return audiences().anyMatch(a -> a.name().equals(audience) && a.members().contains(person));
    }

    /**
     * The audiences with no contact: their messages go only to the log channel, which tells nobody, so they are not
     * delivered and their deadlines are not met.
     */
    public List<String> audiencesWithoutContact() {
        return audiences().filter(a -> a.contacts().isEmpty()).map(Audience::name).distinct().toList();
    }

    /** Why the plan as it stands cannot keep its promises: one sentence per audience nobody would hear. */
    public List<String> warnings() {
        return audiencesWithoutContact().stream().map(name -> "audience '" + name + "' has no contact: its messages "
                + "go to the log channel only, reach nobody, and their deadlines are not met; give it a contact "
                + "(PUT /api/plan/audiences/" + name + ")").toList();
    }

    public boolean hasAudience(String name) {
        return audiences().anyMatch(a -> a.name().equals(name));
    }

    /** The owners of {@code database}; none when the plan names none. */
    public List<Audience> ownersOf(String database) {
        return databases.stream().filter(d -> d.database().equals(database))
                .flatMap(d -> d.owners().stream()).toList();
    }

    private Stream<Audience> audiences() {
        Stream<Audience> escalated = escalation == null ? Stream.empty() : escalation.audiences().stream();
        return Stream.of(tiers.stream().flatMap(t -> t.audiences().stream()), escalated,
                databases.stream().flatMap(d -> d.owners().stream()), planOwners.stream()).flatMap(s -> s);
    }
}
