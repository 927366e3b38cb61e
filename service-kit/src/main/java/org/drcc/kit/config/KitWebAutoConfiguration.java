package org.drcc.kit.config;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.drcc.kit.health.PostgresHealth;
import org.drcc.kit.web.EngineDownResolver;
import org.drcc.kit.web.ProblemAdvice;
import org.drcc.kit.web.ProblemErrorController;
import org.drcc.kit.web.StrictRequestBodies;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Replaces Boot's problem+json handler with one whose 400s name the offending field (a JSON body's unknown field
 * among them), answers a request that an unreachable engine failed with 503 naming it, and answers the container's
 * error page in problem+json too.
 */
// before Boot's error page configuration too, so that its default error controller sees this one and stands back
@AutoConfiguration(before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
public class KitWebAutoConfiguration {

    @Bean
    ProblemAdvice problemAdvice() {
        return new ProblemAdvice();
    }

    /** A request body's field the request does not take is a 400, not dropped: {@link StrictRequestBodies}. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    WebMvcConfigurer strictRequestBodies() {
        return new StrictRequestBodies();
    }

    /**
     * Retry-After: long enough for a restarted engine to be taken up again (a fresh pool connection, say). Once
     * PostgreSQL was found unreachable, the pool's connections are retired: they died with the server, and Hikari
     * hands out a connection used in the last half second without checking it.
     */
    @Bean
    EngineDownResolver engineDownResolver(@Value("${dr.engines.retry-after-seconds:5}") int retryAfterSeconds,
                                          ObjectProvider<DataSource> databases) {
        return new EngineDownResolver(retryAfterSeconds, () -> databases.orderedStream()
                .filter(HikariDataSource.class::isInstance).map(HikariDataSource.class::cast)
                .map(HikariDataSource::getHikariPoolMXBean).filter(Objects::nonNull)
                .forEach(HikariPoolMXBean::softEvictConnections), () -> PostgresHealth.serverReadOnly(databases.getIfUnique()));
    }

    /** The container's error page in problem+json; a server error while PostgreSQL does not answer is its 503. */
    @Bean
    @ConditionalOnWebApplication
    ProblemErrorController problemErrorController(ErrorAttributes errors, EngineDownResolver outages,
                                                  ObjectProvider<DataSource> databases) {
        return new ProblemErrorController(errors, outages, () -> {
            DataSource database = databases.getIfUnique();
            if (database == null) {
                return false;
            }
            try (Connection connection = database.getConnection()) {
                return !connection.isValid(1);
            } catch (SQLException e) {
                return true;
            }
        });
    }
}
