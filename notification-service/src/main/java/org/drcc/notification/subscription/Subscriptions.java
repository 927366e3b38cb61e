package org.drcc.notification.subscription;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.kit.limits.RateLimiters;
import org.drcc.kit.privacy.DerivedSubjects;
import org.drcc.kit.privacy.Keyring;
import org.drcc.kit.privacy.PersonalDataCipher;
import org.drcc.notification.command.ConfirmStatusSubscriptionCommand;
import org.drcc.notification.command.Envelope;
import org.drcc.notification.command.ExpireStatusSubscriptionCommand;
import org.drcc.notification.command.NotificationId;
import org.drcc.notification.command.OwedMessages;
import org.drcc.notification.command.ScheduleNotificationCommand;
import org.drcc.notification.command.StatusSubscription;
import org.drcc.notification.command.SubscribeToStatusCommand;
import org.drcc.notification.command.UnsubscribeFromStatusCommand;
import org.drcc.notification.egress.EgressGuard;
import org.drcc.notification.status.StatusPageSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Subscribing, confirming, unsubscribing and expiring. Each change is a command on the subscription's aggregate
 * (so it is an event, relayed like every message) in one transaction with its row; the address or URL and the token
 * are stored sealed with the subscription's own key, which is destroyed once the subscription ends: after that
 * neither the row nor any event can be read back to the address. A running subscription's target is named by the
 * keyring's HMAC (to refuse a second subscription of it, and to find an erased person's), an ended one's by nothing.
 * Erasing a person destroys their subscriptions' keys and ends them ({@link DerivedSubjects}).
 */
@Service
public class Subscriptions implements DerivedSubjects {

    private final JdbcClient jdbc;
    private final CommandGateway commands;
    private final OwedMessages owed;
    private final TransactionTemplate transactions;
    private final PersonalDataCipher cipher;
    private final Keyring keyring;
    private final RateLimiters limiters;
    private final EgressGuard guard;
    private final WebhookPing ping;
    private final SubscriptionSettings settings;
    private final StatusPageSettings page;
    private final Clock clock;

    Subscriptions(JdbcClient jdbc, CommandGateway commands, OwedMessages owed, TransactionTemplate transactions,
                  PersonalDataCipher cipher, Keyring keyring, RateLimiters limiters, EgressGuard guard, WebhookPing ping,
                  SubscriptionSettings settings, StatusPageSettings page, Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.owed = owed;
        this.transactions = transactions;
        this.cipher = cipher;
        this.keyring = keyring;
        this.limiters = limiters;
        this.guard = guard;
        this.ping = ping;
        this.settings = settings;
        this.page = page;
        this.clock = clock;
    }

    /** What a subscribe call answers: the webhook's token, the e-mail's nothing that would tell who is subscribed. */
    public record Subscribed(String subscriptionId, String channel, String status, String unsubscribeToken) {
    }

    /**
     * An e-mail subscription, pending until the link sent to the address is followed. An address already subscribed
     * (or waiting for its confirmation) gets nothing new, and the answer is the same, so that nobody learns whether
     * an address is subscribed.
     */
    public Subscribed subscribeEmail(String address) {
        String problem = SubscriptionRules.emailProblem(address);
        if (problem != null) {
            throw new SubscriptionRefusedException(400, "email", problem);
        }
        String to = address.strip();
        byte[] target = targetName(SubscriptionRules.EMAIL, to);
        limitPerTarget(target);
        Instant now = clock.instant();
        Instant confirmBy = now.plus(settings.confirmWithin());
        transactions.executeWithoutResult(tx -> {
            if (active(target)) {
                return;
            }
            String id = newId();
            String token = SubscriptionRules.newToken();
            insert(id, SubscriptionRules.EMAIL, to, target, token, now, confirmBy);
            commands.sendAndWait(new SubscribeToStatusCommand(id, SubscriptionRules.EMAIL, to, confirmBy, now));
            String subject = "Confirm your subscription to the " + page.title() + " status page";
            String body = "Someone, we hope you, asked to receive the updates of the " + page.title()
                    + " status page at this address.\n\nTo confirm, follow the link below. Without it, nothing is sent"
                    + " and the request expires at " + confirmBy + ". If it was not you, ignore this message.";
            owed.owe(List.of(new ScheduleNotificationCommand(NotificationId.of(id, SubscriptionRules.CONFIRMATION, id),
                    StatusSubscription.PAGE, id, new Envelope(StatusSubscription.PAGE, SubscriptionRules.CONFIRMATION, id,
                    SubscriptionRules.PREFIX + SubscriptionRules.EMAIL, subject, body),
                    "status-subscription-confirmation", null, null, now)));
        });
        return new Subscribed(null, SubscriptionRules.EMAIL, "pending", null);
    }

    /**
     * A webhook subscription: the URL must pass the egress guard, and the receiver must answer the first POST (a
     * {@code subscription-confirmation} carrying the unsubscribe token) with 2xx; then it is confirmed at once.
     */
    public Subscribed subscribeWebhook(String url) {
        String problem = SubscriptionRules.webhookProblem(url, guard);
        if (problem != null) {
            throw new SubscriptionRefusedException(400, "webhookUrl", problem);
        }
        String to = url.strip();
        byte[] target = targetName(SubscriptionRules.WEBHOOK, to);
        limitPerTarget(target);
        if (active(target)) {
            throw new SubscriptionRefusedException(409, "webhookUrl", "this webhook URL is already subscribed: "
                    + "unsubscribe it with the token it was given before subscribing it again");
        }
        String id = newId();
        String token = SubscriptionRules.newToken();
        String failed = ping.confirm(URI.create(to), id, token);
        if (failed != null) {
            throw new SubscriptionRefusedException(400, "webhookUrl", "the webhook did not confirm the subscription ("
                    + failed + "): it must answer the first POST, a subscription-confirmation, with 2xx");
        }
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            insert(id, SubscriptionRules.WEBHOOK, to, target, token, now, null);
            commands.sendAndWait(new SubscribeToStatusCommand(id, SubscriptionRules.WEBHOOK, null, null, now));
            commands.sendAndWait(new ConfirmStatusSubscriptionCommand(id, now));
        });
        return new Subscribed(id, SubscriptionRules.WEBHOOK, "confirmed", token);
    }

    /** Confirms the subscription the token names; empty when no subscription has that token. */
    public Optional<StatusSubscription.Outcome> confirm(String token) {
        return byToken(token).map(id -> (StatusSubscription.Outcome) commands.sendAndWait(
                new ConfirmStatusSubscriptionCommand(id, clock.instant())));
    }

    /** Ends the subscription the token names and destroys its key; repeated, it changes nothing and says so. */
    public Optional<StatusSubscription.Outcome> unsubscribe(String token) {
        return byToken(token).map(id -> {
            StatusSubscription.Outcome outcome = commands.sendAndWait(new UnsubscribeFromStatusCommand(id, clock.instant()));
            destroyKey(id);
            return outcome;
        });
    }

    /**
     * The upkeep of one round, each step bounded by {@code limit}: expires the e-mail subscriptions still unconfirmed
     * past their deadline; destroys the keys of ended subscriptions that still have one (the end is committed
     * before the key is destroyed: a crash in between is mended here); names the targets of running subscriptions
     * that have no name (written before names were keyed), and ends those whose person was erased meanwhile.
     */
    public void upkeep(int limit) {
        Instant now = clock.instant();
        for (String id : jdbc.sql("""
                        SELECT subscription_id FROM status_subscription
                        WHERE status = 'PENDING' AND confirm_by < ? ORDER BY confirm_by LIMIT ?""")
                .params(Timestamp.from(now), limit).query(String.class).list()) {
            commands.sendAndWait(new ExpireStatusSubscriptionCommand(id, now));
            destroyKey(id);
        }
        jdbc.sql("""
                        SELECT subscription_id FROM status_subscription
                        WHERE ended_at IS NOT NULL AND key_destroyed_at IS NULL ORDER BY seq LIMIT ?""")
                .param(limit).query(String.class).list().forEach(this::destroyKey);
        for (Subscriber s : jdbc.sql("""
                        SELECT subscription_id, channel, status, target, token FROM status_subscription
                        WHERE target_hash IS NULL AND ended_at IS NULL ORDER BY seq LIMIT ?""")
                .param(limit).query(Subscriber.class).list()) {
            String target = cipher.open(s.target());
            if (PersonalDataCipher.FORGOTTEN.equals(target)) {
                commands.sendAndWait(new UnsubscribeFromStatusCommand(s.subscriptionId(), now));
                destroyKey(s.subscriptionId());
            } else {
                jdbc.sql("UPDATE status_subscription SET target_hash = ? WHERE subscription_id = ? AND ended_at IS NULL")
                        .params(targetName(s.channel(), target), s.subscriptionId()).update();
            }
        }
    }

    /** The subscriber, target and token opened; empty when unknown, or ended or forgotten (nothing to open). */
    public Optional<Subscriber> subscriber(String subscriptionId) {
        return jdbc.sql("SELECT subscription_id, channel, status, target, token FROM status_subscription "
                        + "WHERE subscription_id = ?").param(subscriptionId).query(Subscriber.class).optional()
                .filter(s -> s.target() != null && s.token() != null)
                .map(s -> new Subscriber(s.subscriptionId(), s.channel(), s.status(), cipher.open(s.target()),
                        cipher.open(s.token())))
                .filter(s -> !PersonalDataCipher.FORGOTTEN.equals(s.target()));
    }

    /** The running subscriptions of an e-mail address, each sealed under its own key: destroyed when the person is erased. */
    @Override
    public List<String> of(String address) {
        return jdbc.sql("SELECT subscription_id FROM status_subscription WHERE target_hash = ?")
                .param(targetName(SubscriptionRules.EMAIL, address.strip())).query(String.class).list();
    }

    /** The erased person's subscriptions, their keys destroyed, end: an event each, and their rows lose the name. */
    @Override
    public void destroyed(String address, List<String> subscriptionIds) {
        Instant now = clock.instant();
        for (String id : subscriptionIds) {
            commands.sendAndWait(new UnsubscribeFromStatusCommand(id, now));
            destroyKey(id);
        }
    }

    /**
     * The name of a target in this table: the keyring's HMAC of the channel and the address or URL (in any letter
     * case: a URL and the same URL in other capitals count as one target, on the safe side of the limits).
     */
    private byte[] targetName(String channel, String target) {
        return keyring.lookupOf(channel + ":" + target);
    }

    /** Destroys the subscription's key (again, if need be: destroying is idempotent) and notes that it is gone. */
    private void destroyKey(String id) {
        keyring.forget(id);
        jdbc.sql("UPDATE status_subscription SET key_destroyed_at = ? WHERE subscription_id = ? AND ended_at IS NOT NULL")
                .params(Timestamp.from(clock.instant()), id).update();
    }

    private void limitPerTarget(byte[] target) {
        limiters.require("status page subscription target", java.util.HexFormat.of().formatHex(target),
                settings.perTarget(), settings.perTargetPeriod(), "subscribing one address or URL");
    }

    private boolean active(byte[] target) {
        return jdbc.sql("SELECT count(*) FROM status_subscription WHERE target_hash = ? AND status IN ('PENDING', 'CONFIRMED')")
                .param(target).query(Long.class).single() > 0;
    }

    private void insert(String id, String channel, String target, byte[] targetHash, String token, Instant now,
                        Instant confirmBy) {
        jdbc.sql("""
                        INSERT INTO status_subscription (subscription_id, channel, target, target_hash, token, token_hash,
                                                         status, created_at, confirm_by)
                        VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)""")
                .params(id, channel, cipher.seal(id, target), targetHash, cipher.seal(id, token),
                        SubscriptionRules.tokenHash(token), Timestamp.from(now),
                        confirmBy == null ? null : Timestamp.from(confirmBy)).update();
    }

    private Optional<String> byToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT subscription_id FROM status_subscription WHERE token_hash = ?")
                .param(SubscriptionRules.tokenHash(token.strip())).query(String.class).optional();
    }

    private static String newId() {
        return "subscriber-" + UUID.randomUUID();
    }
}
