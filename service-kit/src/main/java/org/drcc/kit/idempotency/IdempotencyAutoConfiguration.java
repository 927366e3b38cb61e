package org.drcc.kit.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.drcc.kit.privacy.PersonalColumn;
import org.drcc.kit.privacy.PersonalColumns;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code Idempotency-Key} of a service's API ({@link IdempotencyKeys}), and its kept answers' personal data. For
 * services on Axon (a change that met another is tried again: {@link IdempotencyKeys#once}).
 */
@AutoConfiguration(after = {JdbcClientAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@ConditionalOnWebApplication
@ConditionalOnClass(name = "org.axonframework.modelling.command.ConcurrencyException")
@ConditionalOnBean({JdbcClient.class, PlatformTransactionManager.class})
public class IdempotencyAutoConfiguration {

    @Bean
    IdempotencyKeys idempotencyKeys(JdbcClient jdbc, ObjectMapper json, ObjectProvider<Clock> clock,
                                    PlatformTransactionManager transactions,
                                    @Value("${dr.idempotency-key.retention:P1D}") Duration retention) {
        return new IdempotencyKeys(jdbc, json, clock.getIfAvailable(Clock::systemUTC), transactions, retention);
    }

    /**
     * A replayed request gets its first answer back, which may name people (an incident's roles and its timeline's
     * texts, a backup's actor). A forgotten person's own kept answers (their name is the row's caller) and every kept
     * answer that names them anywhere are deleted: they exist for a day of retries, and a name inside a longer text
     * (the timeline's "DATABASE_ADMINISTRATOR: dana") is beyond a scrub of whole values. A retry of such a request
     * after the erasure runs afresh.
     */
    @Bean
    PersonalColumns idempotencyKeyPersonalColumns() {
        return () -> List.of(PersonalColumn.rows("idempotency_key", "caller"),
                PersonalColumn.rowsMentioning("idempotency_key", "body"));
    }
}
