package org.drcc.kit.schedule;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** The lock of scheduled jobs, in the service's own database (table shedlock, from db/kit). */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnBean(DataSource.class)
public class ScheduleAutoConfiguration {

    @Bean
    ClusterOnce clusterOnce(DataSource database) {
        // the database's clock decides when a lock expires, not each instance's own
        return new ClusterOnce(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(database)).usingDbTime().build()));
    }
}
