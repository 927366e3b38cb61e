package org.drcc.notification.egress;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides whether a channel may reach a host. Asked twice: when a plan is accepted ({@link #refusal(URI)}, for a
 * message the operator can act on) and by the HTTP client's DNS step on every connection ({@link #resolve(String)}),
 * because a name that resolved to a public address yesterday may resolve to 169.254.169.254 today: the addresses
 * checked there are the ones the socket then uses.
 */
@Component
public class EgressGuard {

    /** How a host name becomes addresses: the system's resolver, or a fixed table in tests (no DNS traffic). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final AllowedHosts allowed;
    private final Resolver resolver;

    @Autowired
    public EgressGuard(AllowedHosts allowed) {
        this(allowed, InetAddress::getAllByName);
    }

    public EgressGuard(AllowedHosts allowed, Resolver resolver) {
        this.allowed = allowed;
        this.resolver = resolver;
    }

    /**
     * Null when a channel may call {@code url}, else why not and how to allow it. A name that does not resolve
     * now is accepted here (DNS may be down at start-up); it is checked again on every send.
     */
    public String refusal(URI url) {
        String host = url.getHost();
        if (host == null || allowed.allows(host)) {
            return null;
        }
        try {
            for (InetAddress address : resolver.resolve(AllowedHosts.unbracket(host))) {
                String what = AddressRanges.nonPublic(address);
                if (what != null) {
                    return refusalOf(host, address, what);
                }
            }
            return null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The addresses of {@code host} a connection may use; refused if any of them is not public and not allowed. */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = resolver.resolve(AllowedHosts.unbracket(host));
        if (allowed.allows(host)) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            String what = AddressRanges.nonPublic(address);
            if (what != null) {
                throw new EgressRefusedException(refusalOf(host, address, what));
            }
        }
        return addresses;
    }

    private static String refusalOf(String host, InetAddress address, String what) {
        String at = host.equalsIgnoreCase(address.getHostAddress()) ? host : host + " (" + address.getHostAddress() + ")";
        return at + " is " + what + "; a channel may reach only public hosts. If this host is yours and meant, "
                + "allow it: dr.notification.allowed-hosts (DR_NOTIFICATION_ALLOWED_HOSTS=" + host + ")";
    }
}
