package org.drcc.notification.channel;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

@Configuration
class HttpClients {

    /** A channel that hangs must not hold a delivery forever: every call is bounded by the timeout. */
    @Bean
    RestClient channelRestClient(RestClient.Builder builder, DeliverySettings settings) {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(settings.timeout());
        factory.setReadTimeout(settings.timeout());
        return builder.requestFactory(factory).build();
    }
}
