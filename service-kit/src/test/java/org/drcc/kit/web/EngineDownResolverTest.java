package org.drcc.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.jdbc.JdbcException;
import org.drcc.kit.rules.RuleRefusedException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.KafkaException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.server.ResponseStatusException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class EngineDownResolverTest {

    private final EngineDownResolver resolver = new EngineDownResolver(5);

    @Test
    void aDatabaseThatRefusedConnectionsUnderAxonsCommandBusIsA503NamingPostgreSql() throws Exception {
        // what Axon's gateway throws when the unit of work cannot open its transaction
        Exception error = new CommandExecutionException("declare failed", new CannotCreateTransactionException(
                "Could not open JPA EntityManager", new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 2000ms.", refused())));

        MockHttpServletResponse response = resolve(error);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        JsonNode body = body(response);
        assertThat(body.get("title").asText()).isEqualTo("PostgreSQL is unreachable");
        assertThat(body.get("engine").asText()).isEqualTo("PostgreSQL");
        assertThat(body.get("status").asInt()).isEqualTo(503);
        assertThat(body.get("detail").asText()).contains("POST /api/incidents was not done and nothing was changed");
        assertThat(body.get("instance").asText()).isEqualTo("/api/incidents");
    }

    @Test
    void aPoolWhoseConnectionsAreAllInUseIsBusyNotUnreachableAndIsNotRetired() throws Exception {
        // HikariCP's timeout without a connection failure beneath it: PostgreSQL answers, the pool is at its limit
        int[] retired = {0};
        EngineDownResolver withPools = new EngineDownResolver(5, () -> retired[0]++);
        Exception error = new CommandExecutionException("declare failed", new CannotCreateTransactionException(
                "Could not open JPA EntityManager", new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 2000ms (total=10, active=10, "
                        + "idle=0, waiting=40)")));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/incidents");
        MockHttpServletResponse response = new MockHttpServletResponse();

        withPools.resolveException(request, response, null, error);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        JsonNode body = body(response);
        assertThat(body.get("title").asText()).isEqualTo("PostgreSQL is busy");
        assertThat(body.get("detail").asText()).contains("was not done and nothing was changed", "overloaded")
                .doesNotContain("could not be reached");
        assertThat(retired[0]).as("the pool is kept: retiring it under load would only starve it more").isZero();

        // the same timeout with the server's refusal beneath it is an outage, and the dead connections are retired
        withPools.resolveException(request, new MockHttpServletResponse(), null, new CannotCreateTransactionException(
                "x", new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed "
                + "out after 2000ms.", refused())));
        assertThat(retired[0]).isEqualTo(1);
    }

    @Test
    void theEventStoreLosingItsConnectionIsPostgreSqlToo() throws Exception {
        Exception error = new JdbcException("Failed to obtain a database connection",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));

        assertThat(body(resolve(error)).get("title").asText()).isEqualTo("PostgreSQL is unreachable");
    }

    @Test
    void aJdbcClientWithoutAConnectionIsPostgreSqlToo() throws Exception {
        Exception error = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", refused());

        assertThat(body(resolve(error)).get("engine").asText()).isEqualTo("PostgreSQL");
    }

    @Test
    void aServerShuttingDownIsPostgreSqlToo() throws Exception {
        Exception error = new IllegalStateException("query failed",
                new SQLException("terminating connection due to administrator command", "57P01"));

        assertThat(resolve(error).getStatus()).isEqualTo(503);
    }

    @Test
    void aReadOnlyServerIsSaidToBeReadOnlyAndThePoolIsRenewedToFindTheNewPrimary() throws Exception {
        // a service left pointing at the old primary, now a standby, after a failover: the event store's append fails
        int[] retired = {0};
        EngineDownResolver withPools = new EngineDownResolver(5, () -> retired[0]++, () -> true);
        Exception error = readOnlyWrite();
        MockHttpServletResponse response = new MockHttpServletResponse();

        withPools.resolveException(request(), response, null, error);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        JsonNode body = body(response);
        assertThat(body.get("title").asText()).isEqualTo("PostgreSQL is read-only");
        assertThat(body.get("detail").asText()).contains("POST /api/incidents was not done and nothing was changed",
                "Reading still works", "failed over").doesNotContain("could not be reached");
        assertThat(retired[0]).as("new connections find the primary").isEqualTo(1);

        MockHttpServletResponse again = new MockHttpServletResponse();
        withPools.resolveException(request(), again, null, readOnlyWrite());
        assertThat(again.getStatus()).isEqualTo(503);
        assertThat(retired[0]).as("renewed at most every 10 s, not for each refused write").isEqualTo(1);
    }

    @Test
    void aWriteInOneOfOurOwnReadOnlyTransactionsOnAWritableServerIsABugNotAnOutage() {
        int[] retired = {0};
        EngineDownResolver writable = new EngineDownResolver(5, () -> retired[0]++, () -> false);

        assertThat(writable.resolveException(request(), new MockHttpServletResponse(), null, readOnlyWrite()))
                .as("left to the other handlers: a 500").isNull();
        assertThat(retired[0]).isZero();
    }

    @Test
    void runningOutOfMemoryForOneQueryIsNoOutage() {
        Exception error = new JdbcException("query failed", new SQLException("out of memory", "53200"));

        assertThat(resolver.resolveException(request(), new MockHttpServletResponse(), null, error)).isNull();
    }

    private static Exception readOnlyWrite() {
        return new CommandExecutionException("declare failed", new JdbcException("Failed to append events",
                new SQLException("ERROR: cannot execute INSERT in a read-only transaction", "25006")));
    }

    @Test
    void aFullDiskIsSaidAsSuchAndThePoolIsKept() throws Exception {
        // Spring's translation of PostgreSQL's class 53 is a DataAccessResourceFailureException, as for a lost server
        int[] retired = {0};
        EngineDownResolver withPools = new EngineDownResolver(5, () -> retired[0]++);
        Exception error = new org.springframework.dao.DataAccessResourceFailureException("insert failed",
                new SQLException("could not extend file \"base/16384/2619\": No space left on device", "53100"));
        MockHttpServletResponse response = new MockHttpServletResponse();

        withPools.resolveException(request(), response, null, error);

        assertThat(response.getStatus()).isEqualTo(503);
        JsonNode body = body(response);
        assertThat(body.get("title").asText()).isEqualTo("PostgreSQL is out of resources");
        assertThat(body.get("detail").asText()).contains("out of disk space (SQL state 53100)",
                "was not done and nothing was changed").doesNotContain("base/16384", "could not be reached");
        assertThat(retired[0]).as("the connections are sound: the server answered").isZero();
    }

    @Test
    void aKafkaTimeoutIsA503NamingKafka() throws Exception {
        Exception error = new KafkaException("Send failed", new org.apache.kafka.common.errors.TimeoutException(
                "Topic dr.privacy.events not present in metadata after 2000 ms."));

        MockHttpServletResponse response = resolve(error);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(body(response).get("title").asText()).isEqualTo("Kafka is unreachable");
    }

    @Test
    void aServicesOwn503KeepsItsDetailAndGainsRetryAfter() throws Exception {
        Exception error = new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                "Kafka did not take the erasure event: nothing was erased",
                new org.apache.kafka.common.errors.TimeoutException("Expiring 1 record(s)"));

        MockHttpServletResponse response = resolve(error);

        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(body(response).get("title").asText()).isEqualTo("Kafka is unreachable");
        assertThat(body(response).get("detail").asText()).isEqualTo("Kafka did not take the erasure event: nothing was erased");
    }

    @Test
    void anS3ThatDoesNotAnswerIsA503NamingS3() throws Exception {
        Exception error = new IllegalStateException("report not stored", SdkClientException.create(
                "Unable to execute HTTP request: Connect to 127.0.0.1:19000 failed: Connection refused"));

        MockHttpServletResponse response = resolve(error);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(body(response).get("title").asText()).isEqualTo("S3 is unreachable");
    }

    @Test
    void anS3AnsweringServiceUnavailableIsS3Down() throws Exception {
        Exception error = S3Exception.builder().statusCode(503).message("Slow Down").build();

        assertThat(body(resolve(error)).get("engine").asText()).isEqualTo("S3");
    }

    @Test
    void whatIsNoOutageIsLeftToTheOtherHandlers() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(resolver.resolveException(request(), response, null, new DataIntegrityViolationException(
                "duplicate key", new PSQLException("duplicate key value", PSQLState.UNIQUE_VIOLATION)))).isNull();
        assertThat(resolver.resolveException(request(), response, null,
                S3Exception.builder().statusCode(404).message("NoSuchKey").build())).isNull();
        assertThat(resolver.resolveException(request(), response, null, new CommandExecutionException("refused",
                new RuleRefusedException("incident", "the incident is CLOSED")))).isNull();
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void theEnginesOwnMessageIsNotRepeated() throws Exception {
        Exception error = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", new PSQLException(
                "FATAL: password authentication failed for user \"dr\" with password s3cr3t",
                PSQLState.CONNECTION_REJECTED));

        assertThat(resolve(error).getContentAsString()).doesNotContain("s3cr3t").doesNotContain("FATAL");
    }

    private static PSQLException refused() {
        return new PSQLException("Connection to 127.0.0.1:15432 refused.", PSQLState.CONNECTION_UNABLE_TO_CONNECT);
    }

    private MockHttpServletResponse resolve(Exception error) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(resolver.resolveException(request(), response, null, error)).isNotNull();
        return response;
    }

    private static MockHttpServletRequest request() {
        return new MockHttpServletRequest("POST", "/api/incidents");
    }

    private static JsonNode body(MockHttpServletResponse response) throws Exception {
        return new ObjectMapper().readTree(response.getContentAsString());
    }
}
