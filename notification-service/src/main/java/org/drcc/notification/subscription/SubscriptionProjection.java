package org.drcc.notification.subscription;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.drcc.contract.notification.StatusSubscriptionConfirmedEvent;
import org.drcc.contract.notification.StatusSubscriptionExpiredEvent;
import org.drcc.contract.notification.StatusUnsubscribedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code status_subscription}'s status in the transaction of the subscription's events (a subscribing group
 * that never skips). An ended subscription keeps only its token's hash (so its token still answers "already
 * unsubscribed"): the sealed target and token and the target's name are dropped, and the key they were sealed with
 * is destroyed ({@link Subscriptions}).
 */
@Component
@ProcessingGroup(SubscriptionProjection.GROUP)
class SubscriptionProjection {

    static final String GROUP = "status-subscriptions";

    private final JdbcClient jdbc;

    SubscriptionProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(StatusSubscriptionConfirmedEvent e) {
        jdbc.sql("UPDATE status_subscription SET status = 'CONFIRMED', confirmed_at = ? WHERE subscription_id = ? "
                        + "AND status = 'PENDING'")
                .params(Timestamp.from(e.occurredAt()), e.notificationId()).update();
    }

    @EventHandler
    void on(StatusUnsubscribedEvent e) {
        end(e.notificationId(), "UNSUBSCRIBED", e.occurredAt());
    }

    @EventHandler
    void on(StatusSubscriptionExpiredEvent e) {
        end(e.notificationId(), "EXPIRED", e.occurredAt());
    }

    private void end(String id, String status, java.time.Instant at) {
        jdbc.sql("""
                        UPDATE status_subscription SET status = ?, ended_at = ?, target = NULL, token = NULL, target_hash = NULL
                        WHERE subscription_id = ? AND ended_at IS NULL""")
                .params(status, Timestamp.from(at), id).update();
    }
}
