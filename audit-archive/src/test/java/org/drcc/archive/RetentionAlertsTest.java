package org.drcc.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.TimeoutException;
import org.drcc.contract.audit.ArchiveRetentionHonouredEvent;
import org.drcc.contract.audit.ArchiveRetentionNotHonouredEvent;
import org.drcc.contract.audit.AuditEvent;
import org.junit.jupiter.api.Test;

class RetentionAlertsTest {

    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant UNTIL = Instant.parse("2033-11-25T10:00:00Z");

    private final List<String> ids = new ArrayList<>();
    private final List<AuditEvent> sent = new ArrayList<>();
    private boolean kafkaDown;
    private final RetentionAlerts alerts = new RetentionAlerts((key, id, event) -> {
        if (kafkaDown) {
            throw new TimeoutException("Kafka is down");
        }
        assertThat(key).isEqualTo("dr-audit-archive");
        ids.add(id);
        sent.add(event);
    }, "dr-audit-archive");

    @Test
    void aRefusalIsPublishedOnceWithWhatWasAskedAndWhatWasReadBack() {
        alerts.note(refused("segments/a.jsonl.gz"));
        alerts.note(refused("segments/a.checkpoint.json"));
        alerts.note(refused("segments/b.jsonl.gz"));

        assertThat(sent).containsExactly(new ArchiveRetentionNotHonouredEvent("dr-audit-archive", "segments/a.jsonl.gz",
                "COMPLIANCE", UNTIL, "read back no retention", "archiver", AT));
    }

    @Test
    void theStoreHonouringItAgainIsPublishedAndALaterRefusalAgain() {
        alerts.note(honoured("s/0"));
        assertThat(sent).as("nothing to say while the store keeps the lock").isEmpty();
        alerts.note(refused("s/1"));
        alerts.note(honoured("s/2"));
        alerts.note(honoured("s/3"));
        alerts.note(refused("s/4"));

        assertThat(sent).extracting(e -> e.getClass().getSimpleName() + " " + objectKey(e)).containsExactly(
                "ArchiveRetentionNotHonouredEvent s/1", "ArchiveRetentionHonouredEvent s/2",
                "ArchiveRetentionNotHonouredEvent s/4");
        assertThat(((ArchiveRetentionHonouredEvent) sent.get(1)).readBack()).isEqualTo("COMPLIANCE until " + UNTIL);
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void aFailedPublishNeverThrowsAndIsRetriedAtTheNextReadBackWithTheSameId() {
        kafkaDown = true;
        alerts.note(refused("s/1"));
        alerts.note(honoured("s/2"));
        assertThat(sent).isEmpty();
        assertThat(alerts.unpublished()).isEqualTo(2);

        kafkaDown = false;
        alerts.note(honoured("s/3"));
        assertThat(sent).extracting(RetentionAlertsTest::objectKey).containsExactly("s/1", "s/2");
        assertThat(alerts.unpublished()).isZero();
        alerts.note(honoured("s/4"));
        assertThat(sent).hasSize(2);
    }

    private static String objectKey(AuditEvent event) {
        return event instanceof ArchiveRetentionNotHonouredEvent n ? n.objectKey()
                : ((ArchiveRetentionHonouredEvent) event).objectKey();
    }

    private static RetentionStatus.Reading refused(String key) {
        return new RetentionStatus.Reading(false, key, "COMPLIANCE", UNTIL, "read back no retention", AT);
    }

    private static RetentionStatus.Reading honoured(String key) {
        return new RetentionStatus.Reading(true, key, "COMPLIANCE", UNTIL, "COMPLIANCE until " + UNTIL, AT);
    }
}
