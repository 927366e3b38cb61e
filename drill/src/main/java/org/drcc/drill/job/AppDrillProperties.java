package org.drcc.drill.job;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the application drills reach and judge the Food Truck application.
 *
 * @param urls           its instances, in the order its clients try them ({@code dr up} passes both of its instances);
 *                       empty: the application drills fail at once, naming this setting
 * @param badRelease     the deliberately broken release the code-corruption drill deploys
 * @param failoverTarget the longest the application may stop serving when one instance is lost. The plan has no
 *                       scenario for it; its SLA (99.999 %, 5.26 minutes a year) leaves room for a few such minutes
 * @param waitTimeout    the longest wait for a check to turn (a bad release detected, an instance restarted)
 * @param pollInterval   how often the checks are asked while waiting
 */
@ConfigurationProperties("dr.drill.app")
public record AppDrillProperties(List<URI> urls,
                                 @DefaultValue("1.2.0-broken") String badRelease,
                                 @DefaultValue("PT1M") Duration failoverTarget,
                                 @DefaultValue("PT3M") Duration waitTimeout,
                                 @DefaultValue("PT0.25S") Duration pollInterval) {

    public AppDrillProperties {
        urls = urls == null ? List.of() : List.copyOf(urls);
    }
}
