package org.drcc.drill.config;

import java.time.Clock;
import org.drcc.drill.application.AppFleet;
import org.drcc.drill.application.HttpAppFleet;
import org.drcc.drill.job.AppDrillProperties;
import org.drcc.drill.job.DrillProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

@Configuration
@EnableConfigurationProperties({DrillProperties.class, AppDrillProperties.class})
class DrillConfig {

    /**
     * How the drill signs its calls: its own token from the identity provider, or one minted locally, or a fixed one.
     * The client of incident-service and the client of the application carry it; nothing else adds a header.
     */
    @Bean
    ClientHttpRequestInterceptor drillSignIn(DrillProperties properties, Environment environment,
                                             ObjectProvider<ClientRegistrationRepository> registrations,
                                             ObjectProvider<OAuth2AuthorizedClientService> authorized) {
        return properties.clientRegistration() == null || properties.clientRegistration().isBlank()
                ? localOrFixed(properties, environment)
                : clientCredentials(properties.clientRegistration().trim(), properties.actor(),
                        registrations.getIfAvailable(), authorized.getIfAvailable());
    }

    /** The one client of incident-service. */
    @Bean
    RestClient incidentClient(RestClient.Builder builder, DrillProperties properties,
                              ClientHttpRequestInterceptor drillSignIn) {
        return builder.clone()
                .baseUrl(properties.incidentUrl().toString())
                .defaultHeaders(headers -> headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON)))
                .requestInterceptor(drillSignIn)
                .build();
    }

    /** The Food Truck application's instances, for the application drills (their deploys need the drill's token). */
    @Bean
    AppFleet appFleet(RestClient.Builder builder, AppDrillProperties properties, ClientHttpRequestInterceptor drillSignIn) {
        org.springframework.http.client.SimpleClientHttpRequestFactory requests =
                new org.springframework.http.client.SimpleClientHttpRequestFactory();
        // a stopped instance must read as unreachable at once, a hung one within the poll's rhythm
        requests.setConnectTimeout(java.time.Duration.ofSeconds(1));
        requests.setReadTimeout(java.time.Duration.ofSeconds(10));
        return new HttpAppFleet(builder.clone().requestFactory(requests)
                .defaultHeaders(headers -> headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON)))
                .requestInterceptor(drillSignIn).build(), properties.urls());
    }

    /** A token minted with {@code dr up}'s local key, or a fixed one ({@link DrillTokens}). */
    private static ClientHttpRequestInterceptor localOrFixed(DrillProperties properties, Environment environment) {
        DrillTokens tokens = new DrillTokens(properties.token(), properties.tokenSigningKey(), properties.actor(),
                environment.getProperty("dr.security.issuer"), environment.getProperty("dr.security.audience"),
                Clock.systemUTC());
        return (request, body, execution) -> {
            String token = tokens.current();
            if (!token.isEmpty()) {
                request.getHeaders().setBearerAuth(token);
            }
            return execution.execute(request, body);
        };
    }

    /**
     * The drill's own token from the identity provider: Spring Security's OAuth 2.0 client, client-credentials
     * grant, the token kept and asked for again shortly before it expires. The client registration is Spring
     * Boot's ({@code spring.security.oauth2.client.registration.<id>} and its provider's {@code token-uri}).
     */
    static ClientHttpRequestInterceptor clientCredentials(String registrationId, String actor,
                                                          ClientRegistrationRepository registrations,
                                                          OAuth2AuthorizedClientService authorized) {
        if (registrations == null || registrations.findByRegistrationId(registrationId) == null) {
            throw new IllegalStateException("dr.drill.client-registration names '" + registrationId + "', but "
                    + "spring.security.oauth2.client.registration." + registrationId + " is not set (client-id, "
                    + "client-secret, authorization-grant-type: client_credentials, and its provider's token-uri)");
        }
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorized);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
        OAuth2ClientHttpRequestInterceptor interceptor = new OAuth2ClientHttpRequestInterceptor(manager);
        interceptor.setClientRegistrationIdResolver(request -> registrationId);
        // no person signs the drill in: the token is the drill's, kept under its actor's name
        interceptor.setPrincipalResolver(request -> new AnonymousAuthenticationToken("dr-drill", actor,
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        return interceptor;
    }

    /** One drill at a time: a second one (a schedule firing during a manual drill) waits its turn. */
    @Bean
    TaskExecutor drillTasks() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("drill-");
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(20);
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }
}
