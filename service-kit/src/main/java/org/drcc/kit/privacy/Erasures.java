package org.drcc.kit.privacy;

import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.drcc.contract.privacy.ErasureConfirmedEvent;
import org.drcc.contract.privacy.ErasureRequestedEvent;
import org.drcc.kit.rules.RuleRefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.server.ResponseStatusException;

/**
 * Erasure under four eyes: one person requests it, a different person confirms it, and only then does a
 * service erase its part ({@link PersonalDataEraser}). Nobody may erase themselves, nor a person under a
 * legal hold ({@code dr.privacy.legal-holds}). The pending requests live in the shared keyring, so a request
 * made on one service is confirmed on each. Requester and confirmer are recorded in clear, in the keyring and
 * in the events: they are the accountable operators, and erasing someone else must not erase them.
 */
public final class Erasures {

    private static final String RULES = "erasure";

    /** A request, as stored; the person only as the keyring's HMAC. */
    private record Stored(UUID erasureId, byte[] lookup, String reason, String requestedBy, String confirmedBy) {
    }

    private final Keyring keyring;
    private final JdbcClient jdbc;
    private final PersonalDataEraser eraser;
    private final Set<String> legalHolds;
    private final String service;
    private final Clock clock;

    public Erasures(Keyring keyring, PersonalDataEraser eraser, Iterable<String> legalHolds, String service, Clock clock) {
        this.keyring = keyring;
        this.jdbc = keyring.database();
        this.eraser = eraser;
        this.legalHolds = java.util.stream.StreamSupport.stream(legalHolds.spliterator(), false)
                .map(Erasures::normal).filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.service = service;
        this.clock = clock;
    }

    /** Records a pending erasure and says so on Kafka; nothing is erased yet. Kafka down: nothing is kept (503). */
    public ErasureTicket request(String identifier, String reason, String caller) {
        String person = identifier.trim();
        refuseSelf(person, caller);
        refuseHeld(person);
        UUID erasureId = UUID.randomUUID();
        String subject = keyring.subjectOf(person).map(UUID::toString).orElse(null);
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO keyring.erasure (erasure_id, lookup, reason, requested_by, requested_at)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(erasureId, keyring.lookupOf(person), reason.trim(), caller, Timestamp.from(now)).update();
        try {
            eraser.publish(subject, new ErasureRequestedEvent(erasureId.toString(), service, subject, reason.trim(),
                    caller, now));
        } catch (RuntimeException e) {
            jdbc.sql("DELETE FROM keyring.erasure WHERE erasure_id = ?").param(erasureId).update();
            throw e;
        }
        return new ErasureTicket(erasureId.toString(), subject, "PENDING", caller, now);
    }

    /**
     * Confirms the request (the first confirmation is recorded and published once) and erases this service's
     * part. The confirmer names the person again: a confirmation of someone else than the request's is refused.
     */
    public ErasureReport confirm(UUID erasureId, String identifier, String caller) {
        Stored request = find(erasureId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no erasure " + erasureId + " was requested; request one first: POST /api/privacy/erasures"));
        String person = identifier.trim();
        if (!MessageDigest.isEqual(request.lookup(), keyring.lookupOf(person))) {
            throw new RuleRefusedException(RULES, "erasure " + erasureId + " was requested for another person than the "
                    + "one this confirmation names: check the name, nothing was erased");
        }
        if (same(caller, request.requestedBy())) {
            throw new RuleRefusedException(RULES, "four eyes: " + caller + " requested erasure " + erasureId
                    + " and cannot also confirm it; a second person with the security role must");
        }
        refuseSelf(person, caller);
        refuseHeld(person);
        String subject = keyring.subjectOf(person).map(UUID::toString).orElse(null);
        if (request.confirmedBy() == null && markConfirmed(erasureId, caller)) {
            try {
                eraser.publish(subject, new ErasureConfirmedEvent(erasureId.toString(), service, subject,
                        request.requestedBy(), caller, clock.instant()));
            } catch (RuntimeException e) {
                jdbc.sql("UPDATE keyring.erasure SET confirmed_by = NULL, confirmed_at = NULL WHERE erasure_id = ?")
                        .param(erasureId).update();
                throw e;
            }
        }
        return eraser.erase(person, request.reason(), caller, erasureId.toString(), request.requestedBy());
    }

    private boolean markConfirmed(UUID erasureId, String caller) {
        return jdbc.sql("""
                        UPDATE keyring.erasure SET confirmed_by = ?, confirmed_at = ?
                        WHERE erasure_id = ? AND confirmed_by IS NULL""")
                .params(caller, Timestamp.from(clock.instant()), erasureId).update() == 1;
    }

    private Optional<Stored> find(UUID erasureId) {
        return jdbc.sql("SELECT lookup, reason, requested_by, confirmed_by FROM keyring.erasure WHERE erasure_id = ?")
                .param(erasureId)
                .query((rs, n) -> new Stored(erasureId, rs.getBytes(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    private static void refuseSelf(String person, String caller) {
        if (same(person, caller)) {
            throw new RuleRefusedException(RULES, "nobody may erase themselves: the record of who erased whom would "
                    + "go with them; another person with the security role must request and confirm it");
        }
    }

    private void refuseHeld(String person) {
        if (legalHolds.contains(normal(person))) {
            throw new RuleRefusedException(RULES, "this person is under a legal hold (dr.privacy.legal-holds): their "
                    + "data must be kept until the hold is lifted; nothing was erased");
        }
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && normal(a).equals(normal(b));
    }

    private static String normal(String identifier) {
        return identifier.trim().toLowerCase(Locale.ROOT);
    }
}
