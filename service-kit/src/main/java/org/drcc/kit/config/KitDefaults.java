package org.drcc.kit.config;

import java.util.Map;
import org.drcc.kit.axon.ProcessorSegments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings every service shares, added with the lowest precedence: a service's application.yml,
 * environment variables and command-line options all override them.
 */
public class KitDefaults implements EnvironmentPostProcessor, Ordered {

    static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("spring.mvc.problemdetails.enabled", "true"),
            Map.entry("spring.flyway.locations", "classpath:db/kit,classpath:db/migration"),
            // A migration numbered below one a database already has (the kit's V81 came before several services'
            // V30 to V70) is applied, not refused: refused, a service whose database was migrated before it was
            // written does not start after the upgrade (Flyway's "resolved migration not applied to database").
            // Each was written against the schema of its day and touches only what it adds (MigrationAddedBelowIT).
            Map.entry("spring.flyway.out-of-order", "true"),
            Map.entry("spring.datasource.username", "postgres"),
            Map.entry("spring.datasource.password", ""),
            // With PostgreSQL down, a request waits at most ~2 s for a connection and then answers 503
            // (org.drcc.kit.web.EngineOutages), instead of Hikari's default 30 s and a 500; the driver gives up
            // connecting after 2 s. The socket timeout only ends a query stuck on a server that stopped
            // answering mid-way: generous, because a backup's manifest or an audit verify reads for minutes.
            Map.entry("spring.datasource.hikari.connection-timeout", "2000"),
            Map.entry("spring.datasource.hikari.validation-timeout", "1000"),
            Map.entry("spring.datasource.hikari.data-source-properties.connectTimeout", "2"),
            Map.entry("spring.datasource.hikari.data-source-properties.socketTimeout", "300"),
            Map.entry("spring.datasource.hikari.data-source-properties.tcpKeepAlive", "true"),
            // the shared keyring of personal-data keys: same credentials as the service's own database by default
            Map.entry("dr.privacy.keyring.username", "${spring.datasource.username}"),
            Map.entry("dr.privacy.keyring.password", "${spring.datasource.password:}"),
            Map.entry("spring.kafka.bootstrap-servers", "127.0.0.1:19092"),
            Map.entry("spring.kafka.producer.acks", "all"),
            Map.entry("spring.kafka.producer.properties.enable.idempotence", "true"),
            Map.entry("spring.kafka.producer.properties.delivery.timeout.ms", "15000"),
            Map.entry("spring.kafka.producer.properties.request.timeout.ms", "5000"),
            Map.entry("spring.kafka.producer.properties.max.block.ms", "5000"),
            // a record waits up to 5 ms for others to the same partition, so that the relay's batch (the kit's
            // KafkaRelay sends up to 100 events before it waits for their acknowledgements) goes in few requests, not
            // one request per record that found the sender idle; Kafka 4's default (KIP-1030), measured in
            // docs/benchmarks.md (Notifications); it adds at most 5 ms to an event's way to its consumers
            Map.entry("spring.kafka.producer.properties.linger.ms", "5"),
            Map.entry("spring.kafka.consumer.auto-offset-reset", "earliest"),
            Map.entry("spring.kafka.consumer.enable-auto-commit", "false"),
            Map.entry("spring.kafka.consumer.properties.partition.assignment.strategy",
                    "org.apache.kafka.clients.consumer.CooperativeStickyAssignor"),
            Map.entry("spring.kafka.listener.ack-mode", "record"),
            // A service starts while Kafka is down: the contract topics are then created by
            // org.drcc.kit.config.ContractTopicsKeeper once Kafka answers, and the relay waits for it. The
            // admin gives up quickly so that neither the start nor the health check waits long for a dead broker.
            Map.entry("spring.kafka.admin.fail-fast", "false"),
            Map.entry("spring.kafka.admin.operation-timeout", "5s"),
            Map.entry("spring.kafka.admin.close-timeout", "2s"),
            Map.entry("spring.kafka.admin.properties.request.timeout.ms", "3000"),
            Map.entry("spring.kafka.admin.properties.default.api.timeout.ms", "5000"),
            Map.entry("management.endpoints.web.exposure.include", "health,info,prometheus,metrics"),
            Map.entry("management.endpoint.health.probes.enabled", "true"),
            // health is open without a token: it names each engine and its status (db, kafka, s3) so that an
            // operator sees which one is down, but shows no details (addresses, driver messages) unless a service asks
            Map.entry("management.endpoint.health.show-components", "always"),
            Map.entry("springdoc.swagger-ui.path", "/swagger-ui.html"),
            // the error answers of each operation are documented by org.drcc.kit.openapi from what the kit enforces,
            // not guessed from the exception handlers (which would put every one on every operation)
            Map.entry("springdoc.override-with-generic-response", "false"),
            Map.entry("dr.security.issuer", "dr-local"),
            Map.entry("dr.security.audience", "dr-command-centre"),
            Map.entry("server.shutdown", "graceful"),
            // a missing key file may be created (org.drcc.kit.keys.KeyFiles); the prod profile says false
            Map.entry("dr.keys.create-missing", "true"),
            // each log line names the request it serves (org.drcc.kit.correlation); prod logs it as a JSON field
            Map.entry("logging.pattern.correlation", "[%X{correlationId:-}] "),
            // On SIGTERM each shutdown phase (web server, listener containers, Axon's processors) gets at most 10 s
            // instead of 30: what a phase cuts short is safe to redo (records are committed per record, the relay
            // advances only on Kafka's acknowledgement, consumers deduplicate), and ./dr up waits on all four.
            Map.entry("spring.lifecycle.timeout-per-shutdown-phase", "10s"),
            // Several instances of a service share its work: every tracking processor in this many segments
            // (org.drcc.kit.axon.ProcessorSegments), claimed by whichever instance is free ...
            Map.entry(ProcessorSegments.SETTING, "2"),
            // ... and a Kafka consumer that died hands its partitions to the others after 10 s, not 45
            Map.entry("spring.kafka.consumer.properties.session.timeout.ms", "10000"),
            Map.entry("spring.kafka.consumer.properties.heartbeat.interval.ms", "3000"),
            // Axon's handler timeouts (on by default since 4.11) wrap every command and event handler, and every unit
            // of work, in a task scheduled to warn after 10 s and to interrupt the thread after 30 s (60 s for a unit
            // of work), with a name formatted for it: with them off, notification-service sent 1.04 to 1.22 times as
            // many messages a second, in three noisy pairs (docs/benchmarks.md). An interrupt lands in the middle of a
            // JDBC or Kafka client call: a relay batch that needs longer under load would be rolled back and redone
            // for ever, and a processor that logs a handler's failure and goes on (all but the relay and those in
            // dr.axon.never-skip) would skip the event. The suite's bounds are the engines' own: Hikari's and the
            // driver's timeouts, the producer's delivery timeout, the kit's backoff; a relay that falls behind shows in
            // dr_relay_backlog_events and a consumer in its Kafka lag, both alerted on
            // (deploy/prometheus/operations-alerts.yml). Lost: Axon's warning for a handler slower than 10 s.
            Map.entry("axon.timeout.enabled", "false"));

    private static final String AXON_UPDATE_CHECK = "axoniq.update-checker.disabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // A DR tool runs where outbound calls are scarce and audited: Axon's update checker stays off (it
        // would report usage to AxonIQ and write ~/.axoniq) unless the operator opts in with the variable.
        if (System.getProperty(AXON_UPDATE_CHECK) == null && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty(AXON_UPDATE_CHECK, "true");
        }
        environment.getPropertySources().addLast(new MapPropertySource("dr-service-kit-defaults", DEFAULTS));
        ProcessorSegments.addTo(environment);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
