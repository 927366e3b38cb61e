package org.drcc.drill.config;

import static org.drcc.kit.security.Permission.allow;
import static org.drcc.kit.security.Roles.ALL;
import static org.drcc.kit.security.Roles.DBA;
import static org.drcc.kit.security.Roles.DEVOPS;
import static org.drcc.kit.security.Roles.DR_LEAD;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.time.Duration;
import java.util.List;
import org.drcc.kit.limits.RateLimit;
import org.drcc.kit.limits.ServiceRateLimits;
import org.drcc.kit.privacy.PersonalColumn;
import org.drcc.kit.privacy.PersonalColumns;
import org.drcc.kit.security.PermissionTable;
import org.drcc.kit.security.ServicePermissions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The drills' rows of the host's tables: who may call the API (the root README's table), how often, whose names it keeps. */
@Configuration(proxyBeanMethods = false)
public class DrillAccess {

    @Bean
    ServicePermissions drillPermissionRows() {
        return () -> PermissionTable.of(allow(POST, "/api/drills", DR_LEAD, DBA, DEVOPS), allow(GET, "/api/drills", ALL),
                allow(GET, "/api/drills/**", ALL));
    }

    /** A drill restores twice and runs pg_restore each time. */
    @Bean
    ServiceRateLimits drillRateLimitRows() {
        return () -> List.of(new RateLimit(POST, "/api/drills", 5, Duration.ofMinutes(1)));
    }

    @Bean
    PersonalColumns drillPersonalColumns() {
        return () -> List.of(PersonalColumn.value("drill", "actor"));
    }
}
