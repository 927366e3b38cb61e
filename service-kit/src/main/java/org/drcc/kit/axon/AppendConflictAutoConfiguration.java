package org.drcc.kit.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * How the event store tells that another writer took an aggregate's next event number: PostgreSQL's SQL state
 * 23505 (unique violation) on the event table, which Axon then reports as a {@code ConcurrencyException} (the
 * services answer 409 "changed concurrently", or try the change again).
 *
 * <p>Axon's Spring Boot default recognises only a {@code SQLIntegrityConstraintViolationException}, which the
 * PostgreSQL driver never throws: two writers of one aggregate (two instances of a service, or a change whose
 * events commit with a caller's transaction) got a generic {@code EventStoreException} and a 500. Axon's own
 * resolver by SQL state is the one for this database; it is declared ahead of Axon's, which steps aside.
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration")
@ConditionalOnClass(SQLStateResolver.class)
public class AppendConflictAutoConfiguration {

    /** PostgreSQL's unique_violation. */
    static final String UNIQUE_VIOLATION = "23505";

    @Bean
    @ConditionalOnMissingBean(PersistenceExceptionResolver.class)
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }
}
