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

/** incident-service's rows of the kit's tables: who may call the API (the root README's table), how often, whose names it keeps. */
@Configuration(proxyBeanMethods = false)
public class IncidentAccess {

    /** First match wins. */
    @Bean
    ServicePermissions incidentPermissionRows() {
        return () -> PermissionTable.of(
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
                allow(GET, "/api/plan/**", ALL),
                allow(GET, "/api/audit/events", AUDITOR, SECURITY, DR_LEAD),
                allow(GET, "/api/audit/events/**", AUDITOR, SECURITY, DR_LEAD),
                allow(GET, "/api/audit/archive/**", AUDITOR, SECURITY, DR_LEAD),
                allow(GET, "/api/audit/evidence", AUDITOR, SECURITY, DR_LEAD),
                allow(POST, "/api/admin/projections/*/replay", DEVOPS, DR_LEAD),
                allow(GET, "/api/admin/projections/*", DEVOPS, DR_LEAD),
                allow(POST, "/api/maintenance-windows", DEVOPS, DR_LEAD),
                allow(GET, "/api/reviews", ALL),
                allow(POST, "/api/reviews/*", DEVOPS, DR_LEAD));
    }

    /** The expensive operations, per caller: the export streams the whole audit trail. (The kit limits its verify.) */
    @Bean
    ServiceRateLimits incidentRateLimitRows() {
        return () -> List.of(
                new RateLimit(GET, "/api/audit/events/export", 5, Duration.ofMinutes(1)),
                new RateLimit(GET, "/api/audit/evidence", 5, Duration.ofMinutes(1)),
                // the archive's verify and replay read the whole archive from S3; a state asOf an instant replays events
                new RateLimit(GET, "/api/audit/archive/verify", 5, Duration.ofMinutes(1)),
                new RateLimit(GET, "/api/audit/archive/events", 5, Duration.ofMinutes(1)),
                RateLimit.withParameter(GET, "/api/incidents/*", "asOf", 30, Duration.ofMinutes(1)));
    }

    /** Where the read models hold names in clear: overwritten when a person is forgotten. */
    @Bean
    PersonalColumns incidentPersonalColumns() {
        return () -> List.of(
                PersonalColumn.value("audit_event", "actor"),
                PersonalColumn.value("plan_review", "reviewed_by"),
                PersonalColumn.json("audit_event", "data"));
    }
}
