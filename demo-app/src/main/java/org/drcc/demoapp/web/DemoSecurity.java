package org.drcc.demoapp.web;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what: the shop, its check, the release and health are open (the food-truck users and the load
 * balancer read them); deploying, rolling back and stopping an instance need a bearer token of the command centre's
 * issuer with the role devops or dr-lead (the drill's token is dr-lead). Tokens are checked by Spring Boot's resource
 * server: the signature with {@code spring.security.oauth2.resourceserver.jwt.public-key-location}, expiry, audience.
 */
@Configuration
class DemoSecurity {

    @Bean
    SecurityFilterChain demoChain(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.POST, "/api/deployments/**", "/api/instance/stop")
                        .hasAnyRole("devops", "dr-lead")
                        .requestMatchers(HttpMethod.GET, "/api/**", "/actuator/health/**", "/v3/api-docs/**",
                                "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // bearer tokens only, no cookie to ride on
                .build();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
