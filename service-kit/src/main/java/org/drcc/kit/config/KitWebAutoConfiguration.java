package org.drcc.kit.config;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.drcc.kit.web.EngineDownResolver;
import org.drcc.kit.web.ProblemAdvice;
import org.drcc.kit.web.ProblemErrorController;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;

/**
 * Replaces Boot's problem+json handler with one whose 400s name the offending field, answers a request that an
 * unreachable engine failed with 503 naming it, and answers the container's error page in problem+json too.
 */
// before Boot's error page configuration too, so that its default error controller sees this one and stands back
@AutoConfiguration(before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
public class KitWebAutoConfiguration {

    @Bean
    ProblemAdvice problemAdvice() {
        return new ProblemAdvice();
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
                .forEach(HikariPoolMXBean::softEvictConnections), () -> serverReadOnly(databases.getIfUnique()));
    }

    /**
     * Whether the service's PostgreSQL server refuses writes as a whole: a statement of its own (its own transaction,
     * with the server's defaults) is read-only on a standby or a server set read-only, never merely because a
     * transaction of ours was. Unknown (no database, no answer) is no.
     */
    static boolean serverReadOnly(DataSource database) {
        if (database == null) {
            return false;
        }
        try (Connection connection = database.getConnection(); java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet answer = statement.executeQuery("SHOW transaction_read_only")) {
            return answer.next() && "on".equals(answer.getString(1));
        } catch (SQLException e) {
            return false;
        }
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
