package org.drcc.backup.config;

import static org.drcc.kit.security.Permission.allow;
import static org.drcc.kit.security.Roles.ALL;
import static org.drcc.kit.security.Roles.DBA;
import static org.drcc.kit.security.Roles.DEVOPS;
import static org.drcc.kit.security.Roles.DR_LEAD;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.drcc.kit.security.PermissionTable;
import org.drcc.kit.security.ServicePermissions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may do what on backup-service: the root README's permission table, first match wins. */
@Configuration(proxyBeanMethods = false)
public class BackupPermissions {

    static final PermissionTable TABLE = PermissionTable.of(
            allow(POST, "/api/backups/*/restore", DBA, DR_LEAD),
            allow(POST, "/api/restores", DBA, DR_LEAD),
            allow(POST, "/api/backups/*/verify", DBA, DEVOPS, DR_LEAD),
            allow(POST, "/api/backups", DBA, DEVOPS, DR_LEAD),
            allow(POST, "/api/retention", DBA, DR_LEAD),
            allow(POST, "/api/catalog/rebuild", DBA, DR_LEAD),
            allow(GET, "/api/backups", ALL),
            allow(GET, "/api/backups/**", ALL),
            allow(GET, "/api/policies", ALL),
            allow(GET, "/api/policies/**", ALL),
            allow(GET, "/api/holds", ALL),
            allow(GET, "/api/holds/**", ALL));

    @Bean
    ServicePermissions backupPermissionRows() {
        return () -> TABLE;
    }
}
