package org.drcc.kit.asyncapi;

import java.util.Map;
import org.drcc.contract.Topics;

/** The words of the AsyncAPI document: what each topic carries and what its key is. */
final class TopicTexts {

    static final String OVERVIEW = """
            Every event the DR command centre publishes, one topic per producer. Each record is a CloudEvent 1.0 in \
            Kafka binary mode: the attributes in `ce_*` headers, the event as JSON in the value. Times are ISO-8601 \
            instants, durations ISO-8601 (`PT2H`). Delivery is at least once: deduplicate on `ce_id`. A breaking \
            change gets a new type version (`.v2`), never an edit of a published one. A consumer that cannot read \
            a record parks it on `<topic>.dlt` with its key.

            **Personal data.** Fields marked `x-dr-personal-data` (the acting person, a contact, a message body) \
            are sealed per person on the wire: `pd:v1:<subject id>:<base64url AES-256-GCM>`. The subject id is a \
            stable pseudonym, usable to correlate one person's events without knowing who it is. Who may read the \
            name: the suite's own services open the field with the person's key from the shared keyring \
            (service-kit's `PersonalDataModule` with `DR_PRIVACY_KEYRING_URL`; only the suite's services hold its \
            credentials). An integrator outside the suite reads names through the services' HTTP APIs instead, \
            with a bearer token of a role that may read the resource (for incidents any of the plan's roles, \
            `viewer` or `auditor`; for the audit trail `auditor`, `security` or `dr-lead`). Once a person is \
            forgotten (`dr.privacy.personal-data-erased.v1`), their key is destroyed and every sealed value of \
            theirs reads `[forgotten]`.

            This document is generated from the contract module (`event-contract`) by service-kit; every service \
            serves it at `/asyncapi.json`.""";

    private static final Map<String, String> KEYS = Map.of(
            Topics.INCIDENT_EVENTS, "the incident id: an incident's events stay in order",
            Topics.BACKUP_EVENTS, "the backup id; for dr.backup.rpo-at-risk.v1, .rpo-recovered.v1 and "
                    + ".retention-halted.v1 the database's name",
            Topics.NOTIFICATION_EVENTS, "the incident id the notification belongs to (`database:<name>` for a "
                    + "database's alerts, `plan:reviews` for review reminders, `status-page` for the status page's "
                    + "subscriptions)",
            Topics.DRILL_EVENTS, "the drill id",
            Topics.AUDIT_EVENTS, "the audit bucket",
            Topics.PRIVACY_EVENTS, "the person's subject id (one record per service per erasure)",
            Topics.PLAN_EVENTS, "the id of the plan's record (a maintenance window)");

    private static final Map<String, String> PRODUCERS = Map.of(
            Topics.INCIDENT_EVENTS, "incident-service",
            Topics.BACKUP_EVENTS, "backup-service",
            Topics.NOTIFICATION_EVENTS, "notification-service",
            Topics.DRILL_EVENTS, "backup-service (its drill module)",
            Topics.AUDIT_EVENTS, "the audit archive embedded in incident-service",
            Topics.PRIVACY_EVENTS, "every service",
            Topics.PLAN_EVENTS, "incident-service (the plan's home)");

    private TopicTexts() {
    }

    static String channel(String topic, String family) {
        return "Every " + family + ", published by " + PRODUCERS.getOrDefault(topic, "its producer")
                + ". Key: " + key(topic) + ".";
    }

    static String key(String topic) {
        return KEYS.getOrDefault(topic, "what the events are about, the same as ce_subject");
    }
}
