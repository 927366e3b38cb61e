package org.drcc.notification.egress;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dr.notification.allowed-hosts} ({@code DR_NOTIFICATION_ALLOWED_HOSTS}, comma-separated): host names or
 * literal addresses a channel may reach although they are on this machine or a private, link-local or otherwise
 * non-public network, e.g. an on-premises chat server or the tests' local receivers. Empty by default: only public
 * addresses are reached.
 */
@ConfigurationProperties("dr.notification")
public record AllowedHosts(@DefaultValue List<String> allowedHosts) {

    public AllowedHosts {
        allowedHosts = allowedHosts == null ? List.of()
                : allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
    }

    public boolean allows(String host) {
        return host != null && allowedHosts.contains(unbracket(host).toLowerCase(Locale.ROOT));
    }

    static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
