package org.drcc.notification.web;

import static org.drcc.kit.problem.Problems.invalid;
import static org.drcc.kit.problem.Problems.problem;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drcc.notification.command.StatusSubscription;
import org.drcc.notification.status.StatusPageSettings;
import org.drcc.notification.subscription.SubscriptionRefusedException;
import org.drcc.notification.subscription.SubscriptionSettings;
import org.drcc.notification.subscription.Subscriptions;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Subscribing to the public status page, as JSON and as the page's own form and links: by e-mail (a message with a
 * confirmation link; only confirmed addresses are told anything; unconfirmed ones expire) or by webhook (confirmed by
 * its 2xx to a first POST; the answer carries the unsubscribe token). Public; rate-limited per client address (the
 * kit's filter) and per target (the subscriptions, through the same limiters). Unsubscribing is idempotent and says
 * whether anything changed.
 */
@Tag(name = "status page subscriptions", description = "Subscribe to the public status page by e-mail or webhook: no token")
@RestController
class SubscriptionController {

    /** Exactly one of the two. */
    record SubscribeRequest(@Size(max = 254) String email, @Size(max = 2000) String webhookUrl) {
    }

    /** A token from a confirmation or update message, or from the webhook subscription's answer. */
    record TokenRequest(@NotBlank @Size(max = 100) String token) {
    }

    /** What subscribing answered; {@code unsubscribeToken} only for a webhook (a secret: keep it). */
    record SubscriptionAnswer(String subscriptionId, String channel, String status, String unsubscribeToken,
                              String detail) {
    }

    /** Where a subscription now stands, and whether this call changed it. */
    record SubscriptionState(String status, boolean changed, String detail) {
    }

    private final Subscriptions subscriptions;
    private final SubscriptionSettings settings;
    private final StatusPageSettings page;
    private final Template message;

    SubscriptionController(Subscriptions subscriptions, SubscriptionSettings settings, StatusPageSettings page) {
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.page = page;
        try (Reader reader = new InputStreamReader(new ClassPathResource("templates/status/message.html.mustache")
                .getInputStream(), StandardCharsets.UTF_8)) {
            this.message = Mustache.compiler().escapeHTML(true).defaultValue("").compile(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("status page template message.html.mustache is missing", e);
        }
    }

    @Operation(summary = "Subscribe to the status page by e-mail or webhook", description = """
            Body: `{"email": "…"}` or `{"webhookUrl": "https://…"}`, exactly one. An e-mail address gets a message with \
            a confirmation link; until it is followed nothing else is sent, and after `confirm-within` (48 h) the request \
            expires (202, the same answer whether or not the address was already subscribed). A webhook URL must be \
            http(s) to a public host (or one in `dr.notification.allowed-hosts`) and answer the first POST, \
            `{"type": "subscription-confirmation", "unsubscribeToken", …}`, with 2xx: then it is confirmed (201, with \
            the `unsubscribeToken`); 409 if that URL is already subscribed. 400 for a malformed address or URL, \
            429 over the limits per client address or per target (Retry-After).""")
    @ApiResponse(responseCode = "201", description = "A webhook subscribed and confirmed: keep the unsubscribe token")
    @ApiResponse(responseCode = "202", description = "An e-mail subscription waits for its confirmation link to be followed")
    @ApiResponse(responseCode = "409", description = "The webhook URL is already subscribed")
    @PostMapping(value = "/api/status/subscriptions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> subscribe(@jakarta.validation.Valid @RequestBody SubscribeRequest request) {
        Subscriptions.Subscribed done = subscribe(request.email(), request.webhookUrl());
        return done.unsubscribeToken() == null
                ? ResponseEntity.accepted().body(new SubscriptionAnswer(null, done.channel(), done.status(), null,
                "if this address is not subscribed yet, a message with a confirmation link is on its way; without "
                        + "confirmation within " + settings.confirmWithin() + " the request expires"))
                : ResponseEntity.status(HttpStatus.CREATED).body(new SubscriptionAnswer(done.subscriptionId(),
                done.channel(), done.status(), done.unsubscribeToken(), "subscribed: every update of the status page "
                + "is posted to the webhook with this unsubscribe token; keep it to unsubscribe"));
    }

    @Operation(summary = "Confirm an e-mail subscription with the token of its confirmation link",
            description = "200 confirmed (or already confirmed: `changed` false); 404 for an unknown token; 410 when the "
                    + "subscription ended (unsubscribed or expired).")
    @PostMapping(value = "/api/status/subscriptions/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> confirm(@jakarta.validation.Valid @RequestBody TokenRequest request) {
        return confirmed(subscriptions.confirm(request.token()));
    }

    @Operation(summary = "Unsubscribe with the token of an update, a confirmation or the webhook's answer",
            description = "200 unsubscribed; repeated, 200 with `changed` false (already unsubscribed); 404 for an "
                    + "unknown token. The address or URL is destroyed.")
    @PostMapping(value = "/api/status/subscriptions/unsubscribe", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> unsubscribe(@jakarta.validation.Valid @RequestBody TokenRequest request) {
        return unsubscribed(subscriptions.unsubscribe(request.token()));
    }

    @Operation(summary = "The status page's subscribe form (HTML)")
    @PostMapping(value = "/status/subscribe", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> subscribeForm(@RequestParam(required = false) String email,
                                         @RequestParam(required = false) String webhookUrl) {
        try {
            Subscriptions.Subscribed done = subscribe(email, webhookUrl);
            return done.unsubscribeToken() == null
                    ? html(HttpStatus.ACCEPTED, "Check your inbox", "If this address is not subscribed yet, we sent it "
                    + "a message with a confirmation link. Nothing else is sent until it is followed.", false)
                    : html(HttpStatus.CREATED, "Webhook subscribed", "The webhook confirmed the subscription. Its "
                    + "unsubscribe token (keep it, it is shown once): " + done.unsubscribeToken(), false);
        } catch (SubscriptionRefusedException e) {
            return html(HttpStatus.valueOf(e.status()), "Not subscribed", e.getMessage(), true);
        }
    }

    /**
     * The confirmation link of the e-mail. Following it (GET) only shows a button, as the unsubscribe link does: a
     * mail filter that follows every link of a message would otherwise confirm a subscription that someone else
     * asked for in the reader's name, which is what the double opt-in is there to prevent.
     */
    @Operation(summary = "The confirmation link of an e-mail subscription (HTML): a page with the button that confirms")
    @GetMapping(value = "/status/subscriptions/confirm", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirmPage(@RequestParam String token) {
        return button("Confirm your subscription?", "Press the button to receive the updates of the " + page.title()
                + " status page at this address. If you did not ask for them, close this page: nothing will be sent.",
                "/status/subscriptions/confirm", token, "confirm", "Confirm");
    }

    @Operation(summary = "Confirm from the link of the e-mail (HTML; the page's button)")
    @PostMapping(value = "/status/subscriptions/confirm", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirmLink(@RequestParam String token) {
        Optional<StatusSubscription.Outcome> outcome = subscriptions.confirm(token);
        if (outcome.isEmpty()) {
            return html(HttpStatus.NOT_FOUND, "Unknown link", "This confirmation link is not known here.", true);
        }
        return switch (outcome.get()) {
            case DONE -> html(HttpStatus.OK, "Subscription confirmed", "You will receive the updates of the "
                    + page.title() + " status page. Every message has a link to unsubscribe.", false);
            case ALREADY -> html(HttpStatus.OK, "Already confirmed", "This subscription was confirmed before.", false);
            case ENDED -> html(HttpStatus.GONE, "Subscription ended", "This subscription was cancelled or expired: "
                    + "subscribe again on the status page.", true);
        };
    }

    /**
     * The unsubscribe link of a message. Following it (GET) only shows a button: mail filters and link scanners
     * follow every link of a message they check, and must not unsubscribe its reader by doing so.
     */
    @Operation(summary = "The unsubscribe link of an update (HTML): a page with the button that unsubscribes")
    @GetMapping(value = "/status/subscriptions/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> unsubscribePage(@RequestParam String token) {
        return button("Unsubscribe?", "Press the button to receive no more updates of the " + page.title()
                + " status page; your address will be deleted.", "/status/subscriptions/unsubscribe", token,
                "unsubscribe", "Unsubscribe");
    }

    /** The page's button, or the mail client's one-click POST (RFC 8058: {@code List-Unsubscribe=One-Click}). */
    @Operation(summary = "Unsubscribe from the link of an update (HTML; the page's button, or RFC 8058's one-click POST)")
    @PostMapping(value = "/status/subscriptions/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> unsubscribeLink(@RequestParam String token) {
        Optional<StatusSubscription.Outcome> outcome = subscriptions.unsubscribe(token);
        if (outcome.isEmpty()) {
            return html(HttpStatus.NOT_FOUND, "Unknown link", "This unsubscribe link is not known here.", true);
        }
        return outcome.get() == StatusSubscription.Outcome.DONE
                ? html(HttpStatus.OK, "Unsubscribed", "You will receive no more updates; your address was deleted.", false)
                : html(HttpStatus.OK, "Already unsubscribed", "This subscription had already ended: nothing changed.",
                false);
    }

    @ExceptionHandler(SubscriptionRefusedException.class)
    ResponseEntity<ProblemDetail> refused(SubscriptionRefusedException e) {
        ProblemDetail problem = e.status() == 400
                ? invalid(e.field() + " " + e.getMessage(), List.of(Map.of("field", e.field(), "message", e.getMessage())))
                : problem(HttpStatus.valueOf(e.status()), "Not subscribed", e.getMessage());
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private Subscriptions.Subscribed subscribe(String email, String webhookUrl) {
        boolean byMail = email != null && !email.isBlank();
        boolean byHook = webhookUrl != null && !webhookUrl.isBlank();
        if (byMail == byHook) {
            throw new SubscriptionRefusedException(400, byMail ? "webhookUrl" : "email",
                    "give exactly one of email and webhookUrl");
        }
        return byMail ? subscriptions.subscribeEmail(email) : subscriptions.subscribeWebhook(webhookUrl);
    }

    private static ResponseEntity<Object> confirmed(Optional<StatusSubscription.Outcome> outcome) {
        if (outcome.isEmpty()) {
            return unknownToken();
        }
        return switch (outcome.get()) {
            case DONE -> ResponseEntity.ok(new SubscriptionState("confirmed", true, "confirmed: updates follow"));
            case ALREADY -> ResponseEntity.ok(new SubscriptionState("confirmed", false, "already confirmed: nothing changed"));
            case ENDED -> ResponseEntity.status(HttpStatus.GONE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(HttpStatus.GONE, "Subscription ended",
                            "this subscription was cancelled or expired: subscribe again"));
        };
    }

    private static ResponseEntity<Object> unsubscribed(Optional<StatusSubscription.Outcome> outcome) {
        if (outcome.isEmpty()) {
            return unknownToken();
        }
        return outcome.get() == StatusSubscription.Outcome.DONE
                ? ResponseEntity.ok(new SubscriptionState("unsubscribed", true, "unsubscribed: no more updates; the "
                + "address or URL was deleted"))
                : ResponseEntity.ok(new SubscriptionState("unsubscribed", false, "already unsubscribed: nothing changed"));
    }

    private static ResponseEntity<Object> unknownToken() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.NOT_FOUND, "Unknown token", "no subscription has this token"));
    }

    /** A page whose button POSTs {@code token} to {@code path}: what a link of a message shows when followed. */
    private ResponseEntity<String> button(String heading, String text, String path, String token, String id,
                                          String label) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(message.execute(Map.of("page", page.title(), "heading", heading, "text", text, "problem", false,
                        "action", Map.of("path", path, "token", token, "id", id, "label", label))));
    }

    private ResponseEntity<String> html(HttpStatus status, String heading, String text, boolean isProblem) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(message.execute(Map.of("page", page.title(), "heading", heading, "text", text,
                        "problem", isProblem)));
    }
}
