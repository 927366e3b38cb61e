package org.drcc.incident.config;

import static org.drcc.kit.security.Permission.allow;
import static org.drcc.kit.security.Roles.ALL;
import static org.drcc.kit.security.Roles.AUDITOR;
import static org.drcc.kit.security.Roles.DBA;
import static org.drcc.kit.security.Roles.DEVOPS;
import static org.drcc.kit.security.Roles.DR_LEAD;
import static org.drcc.kit.security.Roles.RESPONDERS;
import static org.drcc.kit.security.Roles.SECURITY;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.drcc.kit.security.PermissionTable;
import org.drcc.kit.security.ServicePermissions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may do what on incident-service: the root README's permission table, first match wins. */
@Configuration(proxyBeanMethods = false)
public class IncidentPermissions {

    static final PermissionTable TABLE = PermissionTable.of(
            allow(POST, "/api/incidents", DR_LEAD),
            allow(POST, "/api/incidents/*/close", DR_LEAD),
            allow(POST, "/api/incidents/*/cancel", DR_LEAD),
            allow(POST, "/api/incidents/*/checklist/*/waive", DR_LEAD),
            allow(PUT, "/api/incidents/*/roles/*", DR_LEAD),
            allow(POST, "/api/incidents/*/severity", DR_LEAD),
            allow(POST, "/api/incidents/*/restore", DR_LEAD, DBA),
            allow(POST, "/api/incidents/*/validate", DR_LEAD, DBA, DEVOPS),
            allow(POST, "/api/incidents/*/assess", DR_LEAD, DBA, DEVOPS, SECURITY),
            allow(POST, "/api/incidents/*/contain", DR_LEAD, DBA, DEVOPS, SECURITY),
            allow(POST, "/api/incidents/*/checklist/*/complete", RESPONDERS),
            allow(POST, "/api/incidents/*/notes", RESPONDERS),
            allow(GET, "/api/incidents", ALL),
            allow(GET, "/api/incidents/**", ALL),
            allow(GET, "/api/scenarios", ALL),
            allow(GET, "/api/scenarios/**", ALL),
            allow(GET, "/api/audit/events", AUDITOR, SECURITY, DR_LEAD),
            allow(GET, "/api/audit/events/**", AUDITOR, SECURITY, DR_LEAD),
            allow(GET, "/api/audit/archive/**", AUDITOR, SECURITY, DR_LEAD),
            allow(GET, "/api/audit/evidence", AUDITOR, SECURITY, DR_LEAD),
            allow(POST, "/api/admin/projections/*/replay", DEVOPS, DR_LEAD));

    @Bean
    ServicePermissions incidentPermissionRows() {
        return () -> TABLE;
    }
}
