package org.drcc.notification.channel;

import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.DnsResolver;
import org.drcc.notification.egress.EgressGuard;
import org.drcc.notification.plan.Channel;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

/**
 * The channels' HTTP client (Apache HttpClient 5): every connection's addresses come from the egress guard, so
 * the address checked is the address connected to; no redirect is followed; connect, read and wait for a pooled
 * connection are each bounded by the channel timeout, so a channel that hangs cannot hold a delivery forever.
 * Each host gets as many connections as a channel has senders (HttpClient's default is 5), so no sender waits for
 * another's connection and spends its timeout before it has sent anything.
 */
final class GuardedHttp {

    private GuardedHttp() {
    }

    static HttpComponentsClientHttpRequestFactory requestFactory(DeliverySettings settings, EgressGuard egress) {
        long millis = settings.timeout().toMillis();
        DnsResolver guarded = new SystemDefaultDnsResolver() {
            @Override
            public java.net.InetAddress[] resolve(String host) throws java.net.UnknownHostException {
                return egress.resolve(host);
            }
        };
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(guarded)
                .setMaxConnPerRoute(settings.sendersPerChannel())
                .setMaxConnTotal(settings.sendersPerChannel() * Channel.values().length)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(millis, TimeUnit.MILLISECONDS)
                        .setSocketTimeout((int) millis, TimeUnit.MILLISECONDS).build())
                .build();
        var client = HttpClients.custom().setConnectionManager(connections).disableRedirectHandling()
                .disableAutomaticRetries()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(millis, TimeUnit.MILLISECONDS)
                        .setResponseTimeout(millis, TimeUnit.MILLISECONDS).build())
                .build();
        return new HttpComponentsClientHttpRequestFactory(client);
    }
}
