package org.drcc.console.signin;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import org.drcc.console.api.ApiRefusal;
import org.drcc.console.api.Service;
import org.drcc.console.api.ServiceApi;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The local sign-in: the operator pastes the token of {@code dr login} ({@code cat .dr/token}). It is kept only if
 * incident-service accepts it (the services are the one judge of a token: signature, issuer, audience, expiry);
 * the console reads from it only the name and roles to show, and its expiry.
 */
@Controller
class SignInController {

    private final ServiceApi api;
    private final SecurityContextRepository contexts;
    private final boolean identityProvider;

    SignInController(ServiceApi api, SecurityContextRepository contexts,
                     ObjectProvider<ClientRegistrationRepository> identityProvider) {
        this.api = api;
        this.contexts = contexts;
        this.identityProvider = identityProvider.getIfAvailable() != null;
    }

    @GetMapping("/signin")
    String form(Model model) {
        model.addAttribute("identityProvider", identityProvider);
        return "signin";
    }

    @PostMapping("/signin")
    String signIn(@RequestParam(defaultValue = "") String token, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        model.addAttribute("identityProvider", identityProvider);
        String pasted = token.strip().replaceFirst("(?i)^bearer\\s+", "");
        if (identityProvider) {
            model.addAttribute("error", "This console signs you in at the identity provider.");
            return "signin";
        }
        JWTClaimsSet claims;
        try {
            claims = JWTParser.parse(pasted).getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            model.addAttribute("error", "That is not a token: paste the whole output of cat .dr/token after dr login.");
            return "signin";
        }
        try {
            api.getWith(pasted, Service.INCIDENT, "/api/incidents?size=1");
        } catch (ApiRefusal refused) {
            model.addAttribute("error", refused.signedOut()
                    ? "The services do not accept this token: " + refused.detail() + " Run dr login again."
                    : refused.detail());
            return "signin";
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new PastedToken(name(claims), pasted,
                claims.getExpirationTime() == null ? null : claims.getExpirationTime().toInstant(),
                roles(claims).stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList()));
        request.getSession(true);
        request.changeSessionId();
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return "redirect:/";
    }

    private static String name(JWTClaimsSet claims) {
        Object preferred = claims.getClaim("preferred_username");
        return preferred instanceof String s && !s.isBlank() ? s : claims.getSubject();
    }

    private static List<String> roles(JWTClaimsSet claims) {
        try {
            List<String> roles = claims.getStringListClaim("roles");
            return roles == null ? List.of() : roles;
        } catch (ParseException e) {
            return List.of();
        }
    }

    static boolean expired(PastedToken token) {
        return token.expired(Instant.now());
    }
}
