package org.drcc.kit.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * A service's permissions, first match wins. The kit adds its own rows (health, Prometheus, OpenAPI, the
 * audit trail API) after the service's; a request that matches no row is refused (403, 401 without a
 * token), so a new endpoint is closed until someone writes down who may call it.
 */
public record PermissionTable(List<Permission> permissions) {

    public static PermissionTable of(Permission... permissions) {
        return new PermissionTable(List.of(permissions));
    }

    public PermissionTable then(PermissionTable more) {
        List<Permission> all = new ArrayList<>(permissions);
        all.addAll(more.permissions());
        return new PermissionTable(all);
    }

    /** The first row that matches the request, if any. */
    public Optional<Permission> find(HttpServletRequest request) {
        return permissions.stream().filter(p -> matcher(p).matches(request)).findFirst();
    }

    static PathPatternRequestMatcher matcher(Permission permission) {
        return PathPatternRequestMatcher.withDefaults().matcher(permission.method(), permission.pattern());
    }
}
