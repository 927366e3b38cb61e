package org.drcc.kit.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.drcc.kit.problem.Problems;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as RFC 9457 problem+json that tell the caller what to do. */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final PermissionTable table;

    ProblemResponses(PermissionTable table) {
        this.table = table;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        bearer.commence(request, response, e); // sets 401 and WWW-Authenticate: Bearer ...
        boolean sent = request.getHeader("Authorization") != null;
        String detail = sent
                ? "The bearer token was refused: " + e.getMessage() + ". Get a new one (locally: ./dr login --role <role>)."
                : "This operation needs an OAuth2 bearer token: send 'Authorization: Bearer <token>' "
                        + "(locally: ./dr login --role <role>).";
        Problems.write(request, response, 401, sent ? "Invalid token" : "Authentication required", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        List<String> held = SecurityContextHolder.getContext().getAuthentication() == null ? List.of()
                : SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                        .map(a -> a.getAuthority().replaceFirst("^ROLE_", "")).toList();
        String operation = request.getMethod() + " " + request.getRequestURI();
        String detail = table.find(request)
                .map(p -> operation + " needs one of the roles " + p.roles() + "; your token carries " + held)
                .orElse(operation + " is not in this service's permission table, so no role may call it");
        Problems.write(request, response, 403, "Forbidden", detail);
    }
}
