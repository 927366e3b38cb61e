package org.drcc.backup.config;

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

/** backup-service's rows of the kit's tables: who may call the API (the root README's table), how often, whose names it keeps. */
@Configuration(proxyBeanMethods = false)
public class BackupAccess {

    /** First match wins. */
    @Bean
    ServicePermissions backupPermissionRows() {
        return () -> PermissionTable.of(
                allow(POST, "/api/backups/*/restore", DBA, DR_LEAD),
                allow(POST, "/api/restores", DBA, DR_LEAD),
                allow(POST, "/api/backups/*/verify", DBA, DEVOPS, DR_LEAD),
                allow(POST, "/api/backups", DBA, DEVOPS, DR_LEAD),
                allow(POST, "/api/base-backups", DBA, DEVOPS, DR_LEAD),
                allow(POST, "/api/retention", DBA, DR_LEAD),
                allow(POST, "/api/catalog/rebuild", DBA, DR_LEAD),
                allow(GET, "/api/backups", ALL),
                allow(GET, "/api/backups/**", ALL),
                allow(GET, "/api/policies", ALL),
                allow(GET, "/api/policies/**", ALL),
                allow(GET, "/api/holds", ALL),
                allow(GET, "/api/holds/**", ALL),
                allow(GET, "/api/restores/**", ALL),
                allow(GET, "/api/base-backups", ALL));
    }

    /** The expensive operations, per caller: each starts pg_dump or pg_restore. */
    @Bean
    ServiceRateLimits backupRateLimitRows() {
        return () -> List.of(
                new RateLimit(POST, "/api/backups/*/restore", 5, Duration.ofMinutes(1)),
                new RateLimit(POST, "/api/restores", 5, Duration.ofMinutes(1)),
                new RateLimit(POST, "/api/backups/*/verify", 10, Duration.ofMinutes(1)),
                new RateLimit(POST, "/api/backups", 10, Duration.ofMinutes(1)),
                new RateLimit(POST, "/api/base-backups", 2, Duration.ofMinutes(1)),
                // reads every unknown backup's dump in full
                new RateLimit(POST, "/api/catalog/rebuild", 2, Duration.ofMinutes(1)));
    }

    /** Where the read models hold names in clear: overwritten when a person is forgotten. */
    @Bean
    PersonalColumns backupPersonalColumns() {
        return () -> List.of(
                PersonalColumn.value("backup", "actor"),
                PersonalColumn.value("backup_restore", "actor"));
    }
}
