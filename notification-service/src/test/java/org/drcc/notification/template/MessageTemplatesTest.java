package org.drcc.notification.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.drcc.notification.channel.DeliverySettings;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

class MessageTemplatesTest {

    private final MessageTemplates templates = new MessageTemplates(new DefaultResourceLoader(),
            new DeliverySettings(URI.create("http://x"), URI.create("http://x"), "a@b", Duration.ofSeconds(1), 1,
                    Duration.ofSeconds(1), 1, "classpath:/templates/notification/", 8));

    @Test
    void rendersTheDeclarationWithItsTargetsAndTheDrillMark() {
        Map<String, Object> values = new HashMap<>(Map.of("incidentId", "i-1", "title", "Orders table corrupted",
                "scenarioId", "database-corruption", "severity", "HIGH", "rto", "PT2H", "rpo", "PT1H",
                "actor", "alice", "drill", true, "audience", "DR Team Lead", "tier", "immediate"));
        Rendered email = templates.render("incident-declaration", "email", values);
        assertThat(email.subject()).isEqualTo("[DRILL] [DR HIGH] Incident declared: Orders table corrupted");
        assertThat(email.body()).startsWith("THIS IS A DRILL.")
                .contains("Targets:   recover within PT2H, lose at most PT1H of data")
                .contains("You are told as DR Team Lead (immediate tier).");
    }

    @Test
    void refusesToStartWithoutAKindsTemplate() {
        assertThatThrownBy(() -> new MessageTemplates(new DefaultResourceLoader(), new DeliverySettings(
                URI.create("http://x"), URI.create("http://x"), "a@b", Duration.ofSeconds(1), 1, Duration.ofSeconds(1),
                1, "classpath:/no-such-templates/", 8)))
                .hasMessageContaining("no template classpath:/no-such-templates/incident-declaration.subject.mustache");
    }

    @Test
    void rendersAChannelsOwnShapeWhereOneExistsAndSkipsMissingValues() {
        Map<String, Object> values = new HashMap<>(Map.of("title", "Orders", "phase", "contained", "actor", "bob"));
        values.put("text", null);
        assertThat(templates.render("status-update", "slack", values).body())
                .isEqualTo(":information_source: DR incident *Orders* is now *contained* (bob).");
        assertThat(templates.render("status-update", "teams", values).body()).startsWith("Incident  (")
                .doesNotContain("null");
    }

    @Test
    void rendersAHaltedRetentionWithWhyAndThatNothingWasDeleted() {
        Map<String, Object> values = new HashMap<>(Map.of("database", "foodtruck", "backupId", "b-42",
                "reason", "the clock went back", "clockAt", "2026-11-25T11:00:00Z",
                "referenceAt", "2026-11-25T12:00:00Z", "actor", "scheduler", "occurredAt", "2026-11-25T11:00:00Z"));

        Rendered mail = templates.render("retention-halted", "email", values);

        assertThat(mail.subject()).isEqualTo("[DR] Retention halted: foodtruck, no backup deleted");
        assertThat(mail.body()).startsWith("Retention of database foodtruck deleted no backup: the clock went back.")
                .contains("clock read 2026-11-25T11:00:00Z; it contradicts 2026-11-25T12:00:00Z.")
                .contains("The newest completed backup is b-42.").contains("(scheduler)");
        assertThat(templates.render("retention-halted", "slack", values).body())
                .startsWith(":double_vertical_bar: *Retention halted*: no backup of *foodtruck* deleted.");
    }

    @Test
    void rendersAGivenUpTierCopyWithTheTierTheBucketTheAttemptsAndTheLastCause() {
        Map<String, Object> values = new HashMap<>(Map.of("backupId", "b-1", "database", "foodtruck",
                "copyTier", "tertiary", "bucket", "dr-backups-tertiary", "attempts", 5,
                "lastCause", "NoSuchBucket: the bucket does not exist", "actor", "scheduler", "tier", "owners"));
        Rendered mail = templates.render("backup-copy-abandoned", "email", values);
        assertThat(mail.subject()).isEqualTo("[DR] Backup copy given up: foodtruck has no tertiary copy");
        assertThat(mail.body()).startsWith("Backup b-1 of foodtruck has no copy in the tertiary tier "
                        + "(bucket dr-backups-tertiary): all 5 attempts to copy it failed")
                .contains("Last cause: NoSuchBucket: the bucket does not exist");
        assertThat(templates.render("backup-copy-abandoned", "slack", values).body())
                .contains("has no tertiary copy (dr-backups-tertiary) after 5 attempts");
    }
}
