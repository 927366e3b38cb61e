package org.drcc.notification.subscription;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.drcc.kit.schedule.ClusterOnce;
import org.drcc.notification.command.Envelope;
import org.drcc.notification.command.NotificationId;
import org.drcc.notification.command.OwedMessages;
import org.drcc.notification.command.ScheduleNotificationCommand;
import org.drcc.notification.status.StatusPageSettings;
import org.drcc.notification.status.StatusBoard;
import org.drcc.notification.status.StatusRules;
import org.drcc.notification.status.StatusView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells the confirmed subscribers of each line the page added ({@code status_broadcast}): one notification per
 * (line, subscriber), its id named for both, so a batch repeated after a crash, or run by two instances at once,
 * owes no second message. At most {@code fan-out-batch} are scheduled per round, in subscriber order with a cursor
 * stored after each batch; a subscriber confirmed after the line was recorded is not told of it. Also expires the
 * e-mail subscriptions left unconfirmed. One instance at a time ({@link ClusterOnce}).
 */
@Component
class SubscriberFanOut {

    private static final Logger log = LoggerFactory.getLogger(SubscriberFanOut.class);

    record Line(String eventId, String incidentId, String status, String text, Instant recordedAt, long toldUpTo) {
    }

    record Due(String subscriptionId, String channel, long seq) {
    }

    private final JdbcClient jdbc;
    private final OwedMessages owed;
    private final StatusBoard board;
    private final StatusPageSettings page;
    private final SubscriptionSettings settings;
    private final Subscriptions subscriptions;
    private final Clock clock;
    private final Runnable once;

    SubscriberFanOut(JdbcClient jdbc, OwedMessages owed, StatusBoard board, StatusPageSettings page,
                     SubscriptionSettings settings, Subscriptions subscriptions, Clock clock, ClusterOnce cluster) {
        // one instance at a time: were two to run, the later creation of the same message fails on the event store's
        // key and leaves that batch to the next round (nobody is told twice)
        this.once = cluster.once("status-subscriber-fan-out", Duration.ofMinutes(5), Duration.ZERO, this::fanOut);
        this.jdbc = jdbc;
        this.owed = owed;
        this.board = board;
        this.page = page;
        this.settings = settings;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${dr.notification.poll-interval:PT1S}")
    void round() {
        once.run();
    }

    private void fanOut() {
        try {
            subscriptions.upkeep(100);
            int budget = Math.max(1, settings.fanOutBatch());
            for (Line line : jdbc.sql("""
                            SELECT event_id, incident_id, status, text, recorded_at, told_up_to FROM status_broadcast
                            WHERE NOT done ORDER BY recorded_at LIMIT 20""").query(Line.class).list()) {
                if (budget <= 0) {
                    return;
                }
                budget -= tell(line, budget);
            }
        } catch (RuntimeException e) {
            log.warn("Telling the status page's subscribers failed; tried again on the next round", e);
        }
    }

    /** One batch of one line; returns how many notifications it scheduled. */
    private int tell(Line line, int budget) {
        List<Due> due = jdbc.sql("""
                        SELECT subscription_id, channel, seq FROM status_subscription
                        WHERE status = 'CONFIRMED' AND confirmed_at <= ? AND seq > ? ORDER BY seq LIMIT ?""")
                .params(Timestamp.from(line.recordedAt()), line.toldUpTo(), budget).query(Due.class).list();
        if (due.isEmpty()) {
            jdbc.sql("UPDATE status_broadcast SET done = true WHERE event_id = ?").param(line.eventId()).update();
            return 0;
        }
        StatusView.IncidentView incident = board.shown(line.incidentId()).orElse(null);
        if (incident == null) {
            jdbc.sql("UPDATE status_broadcast SET done = true WHERE event_id = ?").param(line.eventId()).update();
            return 0;
        }
        String stage = StatusRules.publicStatus(line.status());
        String subject = SubscriberMessages.subject(page.title(), incident.title(), stage);
        String body = SubscriberMessages.body(incident.title(), stage, line.text(), incident.components(),
                settings.link("/status"));
        Instant now = clock.instant();
        owed.owe(due.stream().map(d -> new ScheduleNotificationCommand(
                NotificationId.of(line.eventId(), SubscriptionRules.UPDATES, d.subscriptionId()), line.incidentId(),
                line.eventId(), new Envelope(line.incidentId(), SubscriptionRules.UPDATES, d.subscriptionId(),
                SubscriptionRules.PREFIX + d.channel(), subject, body), "status-page-update", null, null, now))
                .toList());
        jdbc.sql("UPDATE status_broadcast SET told_up_to = ? WHERE event_id = ? AND told_up_to < ?")
                .params(due.get(due.size() - 1).seq(), line.eventId(), due.get(due.size() - 1).seq()).update();
        return due.size();
    }
}
