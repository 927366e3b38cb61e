package org.drcc.console.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.drcc.console.api.ApiRefusal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Who is signed in, for every page's header; and a refusal of a service as the operator sees it. An htmx action
 * gets the reason as an alert fragment (status 200, so htmx swaps it in); a page gets the error page with it. A
 * token the services no longer accept ends the session and leads back to the sign-in.
 */
@ControllerAdvice
class PageAdvice {

    @ModelAttribute("signedIn")
    String signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? null : auth.getName();
    }

    @ModelAttribute("roles")
    String roles() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "" : String.join(", ", auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(r -> r.replaceFirst("^ROLE_", "")).filter(r -> !r.startsWith("OIDC_") && !r.startsWith("SCOPE_"))
                .toList());
    }

    @ExceptionHandler(ApiRefusal.class)
    String refused(ApiRefusal refusal, HttpServletRequest request, HttpServletResponse response, Model model) {
        boolean htmx = request.getHeader("HX-Request") != null;
        if (refusal.signedOut()) {
            if (request.getSession(false) != null) {
                request.getSession(false).invalidate();
            }
            SecurityContextHolder.clearContext();
            if (htmx) {
                response.setHeader("HX-Redirect", "/signin?expired");
                return "fragments :: nothing";
            }
            return "redirect:/signin?expired";
        }
        model.addAttribute("refusal", refusal);
        if (htmx) {
            if (refusal.status() >= 500) {
                // the service failed or did not answer: whether it acted is unknown, so the page keeps the action's
                // Idempotency-Key for a retry (console.js)
                response.setHeader("DR-Outcome", "unknown");
            }
            return "fragments :: refused";
        }
        response.setStatus(refusal.status() >= 500 ? 502 : refusal.status());
        return "refused";
    }
}
