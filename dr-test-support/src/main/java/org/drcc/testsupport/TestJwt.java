package org.drcc.testsupport;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** In a @WebMvcTest slice: the request comes from {@code name} holding {@code role}, as a checked token would say. */
public final class TestJwt {

    private TestJwt() {
    }

    public static RequestPostProcessor as(String role, String name) {
        return jwt().jwt(j -> j.subject(name).claim("preferred_username", name).claim("roles", List.of(role)))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    public static RequestPostProcessor as(String role) {
        return as(role, "alice");
    }
}
