package org.drcc.kit.security;

import static org.springframework.http.HttpMethod.GET;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every HTTP API behind an OAuth2 bearer JWT: signature, expiry, issuer and audience checked; each request
 * authorised by the service's {@link PermissionTable}, then the kit's rows; anything else refused.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
        UserDetailsServiceAutoConfiguration.class})
@EnableConfigurationProperties(SecurityProperties.class)
public class KitSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KitSecurityAutoConfiguration.class);

    /** Open to all: probes, Prometheus scraping (internal network), the OpenAPI documents. */
    static final PermissionTable KIT = PermissionTable.of(
            Permission.open(GET, "/actuator/health"),
            Permission.open(GET, "/actuator/health/**"),
            Permission.open(GET, "/actuator/info"),
            Permission.open(GET, "/actuator/prometheus"),
            Permission.allow(GET, "/actuator/**", Roles.DEVOPS, Roles.DR_LEAD),
            Permission.open(GET, "/v3/api-docs"),
            Permission.open(GET, "/v3/api-docs/**"),
            Permission.open(GET, "/swagger-ui.html"),
            Permission.open(GET, "/swagger-ui/**"),
            Permission.open(GET, "/asyncapi.json"),
            // the audit trail API of service-kit, in the services that store events
            Permission.allow(GET, "/api/audit/verify", Roles.AUDITOR, Roles.SECURITY, Roles.DR_LEAD),
            Permission.allow(org.springframework.http.HttpMethod.POST, "/api/audit/checkpoints",
                    Roles.SECURITY, Roles.DR_LEAD),
            Permission.allow(GET, "/api/audit/public-key", Roles.ALL),
            // erasing a person's personal data (GDPR Art. 17): the data-protection function only, under four eyes
            Permission.allow(org.springframework.http.HttpMethod.POST, "/api/privacy/erasures", Roles.SECURITY),
            Permission.allow(org.springframework.http.HttpMethod.POST, "/api/privacy/erasures/*/confirm", Roles.SECURITY),
            // re-wrapping the keyring's keys with a new key-encryption key
            Permission.allow(org.springframework.http.HttpMethod.POST, "/api/privacy/keyring/rotate", Roles.SECURITY));

    /**
     * Spring Security observes nothing: given actuator's observation registry it would wrap each filter of the chain,
     * the authentication and the authorization of every request in an observation that nothing reads, and on the
     * request threads those cost more than the bearer check (JFR, the API benchmark in docs/benchmarks.md). Turned
     * off by a predicate ({@code management.observations.enable.spring.security=false}) they were no-ops but the
     * wrappers stayed; with these settings there are none. Each request is still timed once, as
     * {@code http_server_requests}.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PermissionTable effectivePermissions(ObjectProvider<ServicePermissions> services) {
        PermissionTable table = new PermissionTable(List.of());
        for (ServicePermissions service : services.orderedStream().toList()) {
            table = table.then(service.table());
        }
        return table.then(KIT);
    }

    @Bean
    SecurityFilterChain drSecurityFilterChain(HttpSecurity http, PermissionTable effectivePermissions,
                                              SecurityProperties properties) throws Exception {
        ProblemResponses problems = new ProblemResponses(effectivePermissions);
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    auth.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
                    for (Permission p : effectivePermissions.permissions()) {
                        var rule = auth.requestMatchers(PermissionTable.matcher(p));
                        if (p.isPublic()) {
                            rule.permitAll();
                        } else {
                            rule.hasAnyRole(p.roles().toArray(String[]::new));
                        }
                    }
                    auth.anyRequest().denyAll();
                })
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.jwtAuthenticationConverter(new TokenAuthentication(properties.rolesClaim())))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /** The OpenAPI document says every operation takes a bearer JWT, so Swagger UI can send one. */
    @Bean
    @ConditionalOnMissingBean(OpenAPI.class)
    OpenAPI bearerOpenApi() {
        return new OpenAPI()
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties, Environment environment) {
        if (properties.usesLocalKey() && environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new LocalKeyRefused();
        }
        if (properties.usesLocalKey() && (properties.publicKey() == null || properties.publicKey().isBlank())) {
            log.error("No key to check tokens with: every token is refused. Set dr.security.jwk-set-uri (production) "
                    + "or dr.security.public-key to the PEM public key that ./dr up writes (local).");
            return token -> {
                throw new BadJwtException("this service has no key to check tokens with (dr.security.public-key)");
            };
        }
        NimbusJwtDecoder decoder = properties.usesLocalKey()
                ? NimbusJwtDecoder.withPublicKey(localKey(properties.publicKey()))
                        .signatureAlgorithm(SignatureAlgorithm.RS256).build()
                : NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.contains(properties.audience())));
        decoder.setJwtValidator(validator);
        return new CheckedTokens(decoder, validator, Duration.ofMinutes(5), 10_000);
    }

    private static RSAPublicKey localKey(String location) {
        String resource = location.contains(":") && !location.matches("^[A-Za-z]:\\\\.*") ? location : "file:" + location;
        try (InputStream in = new DefaultResourceLoader().getResource(resource).getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the token public key " + location, e);
        }
    }
}
