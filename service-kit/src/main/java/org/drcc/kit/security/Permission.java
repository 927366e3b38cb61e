package org.drcc.kit.security;

import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * One row of a service's permission table: requests with this method whose path matches the pattern
 * (Spring path patterns: {@code *} one segment, {@code **} the rest) are allowed to the roles listed.
 * An empty role list means public: no token needed.
 */
public record Permission(HttpMethod method, String pattern, List<String> roles) {

    public static Permission allow(HttpMethod method, String pattern, List<String> roles) {
        return new Permission(method, pattern, List.copyOf(roles));
    }

    public static Permission allow(HttpMethod method, String pattern, String... roles) {
        return new Permission(method, pattern, List.of(roles));
    }

    public static Permission open(HttpMethod method, String pattern) {
        return new Permission(method, pattern, List.of());
    }

    public boolean isPublic() {
        return roles.isEmpty();
    }
}
