package org.drcc.kit.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.drcc.contract.Topics;
import org.drcc.contract.privacy.PersonalDataErasedEvent;
import org.drcc.contract.privacy.PrivacyEvent;
import org.drcc.kit.kafka.CloudEventRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forgets a person in this service: overwrites the person's identifier in the service's read models,
 * publishes what it does on {@code dr.privacy.events}, and destroys the person's key in the shared
 * keyring (so every encrypted field of the person's events, in every store, reads {@code [forgotten]}).
 * Repeatable: a second run finds nothing left and says so.
 */
public final class PersonalDataEraser {

    private final Keyring keyring;
    private final List<PersonalColumn> columns;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaOperations<String, String> kafka;
    private final CloudEventRecords records;
    private final String service;
    private final Clock clock;
    private final List<DerivedSubjects> derived;

    public PersonalDataEraser(Keyring keyring, List<PersonalColumn> columns, JdbcClient jdbc,
                              TransactionTemplate transactions, KafkaOperations<String, String> kafka,
                              CloudEventRecords records, String service, Clock clock) {
        this(keyring, columns, jdbc, transactions, kafka, records, service, clock, List.of());
    }

    /** {@code derived}: the keys a service sealed the person's data under besides their own, destroyed with it. */
    public PersonalDataEraser(Keyring keyring, List<PersonalColumn> columns, JdbcClient jdbc,
                              TransactionTemplate transactions, KafkaOperations<String, String> kafka,
                              CloudEventRecords records, String service, Clock clock, List<DerivedSubjects> derived) {
        this.derived = derived;
        this.keyring = keyring;
        this.columns = columns;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.records = records;
        this.service = service;
        this.clock = clock;
    }

    /**
     * This service's part of a confirmed erasure ({@link Erasures} checks the four eyes first). In this order,
     * so that nothing is destroyed without its event: the read models are overwritten in a transaction that
     * commits only once Kafka has acknowledged the event (Kafka down: nothing changes, 503); then the key is
     * destroyed. Should that last step fail, the answer is an error and confirming again finishes it.
     */
    ErasureReport erase(String identifier, String reason, String confirmer, String erasureId, String requester) {
        String person = identifier.trim();
        Optional<UUID> subject = keyring.subjectOf(person);
        // found before the columns are scrubbed: they may be what leads from the person to the derived keys
        Map<DerivedSubjects, List<String>> derivedKeys = new LinkedHashMap<>();
        derived.forEach(d -> derivedKeys.put(d, d.of(person)));
        Instant now = clock.instant();
        PersonalDataErasedEvent event = transactions.execute(status -> {
            int rows = columns.stream().mapToInt(c -> scrub(c, person)).sum();
            PersonalDataErasedEvent erased = new PersonalDataErasedEvent(erasureId, service,
                    subject.map(UUID::toString).orElse(null), subject.isPresent(), rows, reason.trim(), confirmer, now);
            publish(erased.subjectId(), erased);
            return erased;
        });
        keyring.forget(person);
        derivedKeys.values().forEach(ids -> ids.forEach(keyring::forget));
        derivedKeys.forEach((d, ids) -> d.destroyed(person, ids));
        return new ErasureReport(erasureId, service, event.subjectId(), event.keyDestroyed(), event.rowsScrubbed(),
                requester, confirmer);
    }

    /** Sends an event on {@code dr.privacy.events} and waits for Kafka's acknowledgement (or answers 503). */
    void publish(String subjectId, PrivacyEvent event) {
        String key = subjectId == null ? event.erasureId() : subjectId;
        try {
            kafka.send(records.toRecord(Topics.PRIVACY_EVENTS, key, UUID.randomUUID().toString(), event.occurredAt(), event))
                    .get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw unavailable(e);
        }
    }

    private static ResponseStatusException unavailable(Exception cause) {
        return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Kafka did not take the erasure event ("
                + cause.getMessage() + "): nothing was erased; run the same step again when Kafka is back", cause);
    }

    private int scrub(PersonalColumn c, String person) {
        String forgotten = PersonalDataCipher.FORGOTTEN;
        return switch (c.kind()) {
            case VALUE -> jdbc.sql("UPDATE " + c.table() + " SET " + c.column() + " = :forgotten WHERE lower("
                            + c.column() + ") = lower(:person)")
                    .param("forgotten", forgotten).param("person", person).update();
            case ROWS -> jdbc.sql("DELETE FROM " + c.table() + " WHERE lower(" + c.column() + ") = lower(:person)")
                    .param("person", person).update();
            // the person between characters that cannot be part of a name or an address, or the text's ends
            case ROWS_MENTIONING -> jdbc.sql("DELETE FROM " + c.table() + " WHERE " + c.column() + "::text ~* :pattern")
                    .param("pattern", "(^|[^[:alnum:]_.@+-])" + regexQuote(person) + "($|[^[:alnum:]_.@+-])").update();
            case JSON, JSON_TEXT -> {
                String text = c.kind() == PersonalColumn.Kind.JSON ? c.column() + "::text" : c.column();
                String cast = c.kind() == PersonalColumn.Kind.JSON ? "::json" : "";
                // the person as a whole JSON string value, case-insensitive, wherever it appears in the document
                yield jdbc.sql("UPDATE " + c.table() + " SET " + c.column() + " = regexp_replace(" + text
                                + ", :pattern, :replacement, 'gi')" + cast + " WHERE " + text + " ~* :pattern")
                        .param("pattern", "\"" + regexQuote(person) + "\"")
                        .param("replacement", "\"" + forgotten + "\"").update();
            }
        };
    }

    /** PostgreSQL's regular expressions have no \Q..\E: escape every character that could mean something. */
    static String regexQuote(String text) {
        StringBuilder out = new StringBuilder(text.length() * 2);
        for (char ch : text.toCharArray()) {
            if ("\\.^$|?*+()[]{}-/\"".indexOf(ch) >= 0) {
                out.append('\\');
            }
            out.append(ch);
        }
        return out.toString();
    }
}
