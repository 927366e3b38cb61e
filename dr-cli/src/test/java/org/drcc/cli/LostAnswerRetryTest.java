package org.drcc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A change to an incident, or the start of a backup, a verification, a restore or a drill, whose answer is lost on the way (the
 * connection closed before the answer, as a proxy or a flaky network in an outage does) is sent again with the same
 * {@code Idempotency-Key}, which the services run at most once; against a stand-in service on 127.0.0.1 that drops
 * the first answers.
 */
class LostAnswerRetryTest {

    private final List<String> keys = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger dropped = new AtomicInteger();
    private volatile int answersToDrop;
    private volatile boolean refuseAfterDrops;
    private volatile int stillHandledAnswers;
    private StandIn incidentService;

    @BeforeEach
    void start() throws IOException {
        incidentService = new StandIn(exchange -> {
            keys.add(String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")));
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            if (exchange.getRequestURI().getPath().startsWith("/api/drills")) {
                if (exchange.getRequestMethod().equals("POST") && dropped.get() < answersToDrop) {
                    dropped.incrementAndGet();
                    exchange.close();
                    return;
                }
                StandIn.answer(exchange, exchange.getRequestMethod().equals("POST") ? 202 : 200, "{\"drill\":{"
                        + "\"drillId\":\"d-7\",\"scenario\":\"database-corruption\",\"database\":\"foodtruck\","
                        + "\"status\":\"PASSED\",\"rto\":\"PT3M\",\"rtoTarget\":\"PT2H\",\"rpo\":\"PT1M\","
                        + "\"rpoTarget\":\"PT1H\",\"incidentId\":\"i-42\"},\"steps\":[]}");
                return;
            }
            if (dropped.get() < answersToDrop) {
                dropped.incrementAndGet();
                exchange.close(); // no answer: the client sees the connection end
                return;
            }
            if (stillHandledAnswers > 0) {
                stillHandledAnswers--;
                StandIn.answer(exchange, 409, "{\"title\":\"Idempotency-Key\",\"status\":409,\"detail\":"
                        + "\"a request with this Idempotency-Key is still being handled; send it again\"}");
                return;
            }
            if (refuseAfterDrops) {
                StandIn.answer(exchange, 503, "{\"title\":\"PostgreSQL is unreachable\",\"status\":503,"
                        + "\"detail\":\"PostgreSQL is unreachable\"}");
                return;
            }
            StandIn.answer(exchange, exchange.getRequestURI().getPath().startsWith("/api/backups") ? 202 : 201,
                    exchange.getRequestURI().getPath().startsWith("/api/backups")
                            ? "{\"restoreId\":\"r-7\",\"backupId\":\"b-42\",\"targetDatabase\":\"foodtruck\"}"
                            : "{\"id\":\"i-42\",\"status\":\"DECLARED\",\"version\":1}");
        });
    }

    @AfterEach
    void stop() {
        incidentService.close();
    }

    @Test
    void aDeclarationWhoseAnswerWasLostIsSentAgainWithTheSameKey() {
        answersToDrop = 1;
        CliRun run = CliRun.of(incidentService.args("incident", "incident", "declare", "--scenario",
                "database-corruption", "--title", "Orders table corrupted"));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("i-42").contains("DECLARED");
        assertThat(keys).hasSize(2).allMatch(k -> k.startsWith("dr-cli-")).containsOnly(keys.get(0));
    }

    @Test
    void aDeclarationMadeLateSaysWhenTheFailureWasDetected() {
        CliRun run = CliRun.of(incidentService.args("incident", "incident", "declare", "--scenario",
                "data-center-failure", "--title", "Primary region lost", "--detected-at", "2026-12-05T01:10:00Z"));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(bodies).singleElement().asString().contains("\"detectedAt\":\"2026-12-05T01:10:00Z\"");
    }

    /** A drill is a start like a backup's: one whose answer was lost is not started twice. */
    @Test
    void aDrillWhoseAnswerWasLostIsSentAgainWithTheSameKey() {
        answersToDrop = 1;
        CliRun run = CliRun.of(incidentService.args("backup", "drill", "run", "database-corruption"));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Drill d-7 of database-corruption started").contains("PASSED");
        assertThat(keys.subList(0, 2)).allMatch(k -> k.startsWith("dr-cli-")).containsOnly(keys.get(0));
    }

    @Test
    void aChangeWhoseAnswerIsLostEachTimeSaysItTookEffectAtMostOnceAndNamesTheKey() {
        answersToDrop = Integer.MAX_VALUE;
        CliRun run = CliRun.of(incidentService.args("incident", "incident", "note", "i-42", "restore under way"));
        assertThat(run.exit()).isEqualTo(CliException.UNREACHABLE);
        assertThat(keys).hasSize(Api.ATTEMPTS).containsOnly(keys.get(0));
        assertThat(run.err()).contains("took effect at most once").contains(keys.get(0));
    }

    /** The service answers the retry with a refusal (it was restarting): the operator is told to look first. */
    @Test
    void aRefusedRetrySaysAnEarlierAttemptMayHaveTakenEffect() {
        answersToDrop = 1;
        refuseAfterDrops = true;
        CliRun run = CliRun.of(incidentService.args("incident", "incident", "declare", "--scenario",
                "database-corruption", "--title", "Orders table corrupted"));
        assertThat(run.exit()).isEqualTo(CliException.REFUSED);
        assertThat(run.err()).contains("answered 503").contains("an earlier attempt may have").contains(keys.get(0));
    }

    @Test
    void eachChangeHasAKeyOfItsOwn() {
        CliRun first = CliRun.of(incidentService.args("incident", "incident", "note", "i-42", "one"));
        CliRun second = CliRun.of(incidentService.args("incident", "incident", "note", "i-42", "two"));
        assertThat(first.exit()).isZero();
        assertThat(second.exit()).isZero();
        assertThat(keys).hasSize(2).doesNotHaveDuplicates();
    }

    /** A restore over the live database must not run twice because its answer was lost. */
    @Test
    void aRestoreWhoseAnswerWasLostIsSentAgainWithTheSameKey() {
        answersToDrop = 1;
        CliRun run = CliRun.of(incidentService.args("backup", "backup", "restore", "b-42", "--target-database",
                "foodtruck", "--confirm-overwrite"));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("r-7");
        assertThat(keys).hasSize(2).allMatch(k -> k.startsWith("dr-cli-")).containsOnly(keys.get(0));
    }

    /** The resend found the first attempt still running (409 about the key): it asks again and gets the answer. */
    @Test
    void aResendThatFindsTheFirstAttemptStillRunningAsksAgain() {
        answersToDrop = 1;
        stillHandledAnswers = 1;
        CliRun run = CliRun.of(incidentService.args("backup", "backup", "restore", "b-42", "--target-database",
                "foodtruck", "--confirm-overwrite"));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("r-7");
        assertThat(keys).hasSize(3).containsOnly(keys.get(0));
    }
}
