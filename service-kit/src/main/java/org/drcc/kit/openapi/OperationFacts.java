package org.drcc.kit.openapi;

import java.util.List;
import java.util.Optional;
import org.drcc.kit.limits.RateLimit;
import org.drcc.kit.security.Permission;
import org.drcc.kit.security.PermissionTable;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call an operation and how often, read from the same permission table and rate limits the filters
 * enforce, so that the document cannot promise what the service does not do.
 */
record OperationFacts(PermissionTable permissions, List<RateLimit> rateLimits) {

    /** The row that decides this operation (first match wins, as in the filter); empty: refused to everyone. */
    Optional<Permission> permission(HttpMethod method, String pathTemplate) {
        if (permissions == null) {
            return Optional.empty();
        }
        PathContainer path = concrete(pathTemplate);
        return permissions.permissions().stream()
                .filter(p -> p.method() == null || p.method().equals(method))
                .filter(p -> parse(p.pattern()).matches(path)).findFirst();
    }

    Optional<RateLimit> rateLimit(HttpMethod method, String pathTemplate) {
        PathContainer path = concrete(pathTemplate);
        return rateLimits.stream().filter(l -> l.method() == null || l.method().equals(method))
                .filter(l -> parse(l.pattern()).matches(path)).findFirst();
    }

    /** {@code /api/incidents/{id}} as a request would name it: each variable one plain segment. */
    private static PathContainer concrete(String template) {
        return PathContainer.parsePath(template.replaceAll("\\{[^}]+}", "x"));
    }

    private static PathPattern parse(String pattern) {
        return PathPatternParser.defaultInstance.parse(pattern);
    }
}
