package org.drcc.console.signin;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Every page needs a signed-in person, except the sign-in itself, the scripts and styles, and the health probes.
 * With a client registration at the identity provider ({@code spring.security.oauth2.client.registration.*},
 * production) the sign-in is the provider's login; without one, the local form that takes a token of dr login.
 * Forms carry a CSRF token; the session cookie is HttpOnly and SameSite=Strict (application.yml).
 */
@Configuration
class ConsoleSecurity {

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    SecurityFilterChain consoleFilterChain(HttpSecurity http, SecurityContextRepository contexts,
                                           ObjectProvider<ClientRegistrationRepository> identityProvider) throws Exception {
        http.securityContext(c -> c.securityContextRepository(contexts))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/signin", "/webjars/**", "/console.css", "/console.js", "/favicon.ico",
                                "/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'")))
                .logout(l -> l.logoutUrl("/signout").logoutSuccessUrl("/signin?signedOut"));
        if (identityProvider.getIfAvailable() != null) {
            http.oauth2Login(o -> o.defaultSuccessUrl("/", false));
        } else {
            http.exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/signin")));
        }
        return http.build();
    }
}
