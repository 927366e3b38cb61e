package org.drcc.notification.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A resolver for unit tests that asks no DNS server: names come from a table, literal addresses are parsed.
 * A name can be pointed elsewhere meanwhile, as an attacker's DNS would do between the check and the send.
 */
public final class FixedDns implements EgressGuard.Resolver {

    private final Map<String, String> names = new ConcurrentHashMap<>(Map.of(
            "localhost", "127.0.0.1", "hooks.slack.com", "203.0.113.10", "ops.example.com", "203.0.113.11",
            "outlook.office.com", "203.0.113.12"));

    public FixedDns point(String name, String address) {
        names.put(name, address);
        return this;
    }

    public EgressGuard guard(String... allowedHosts) {
        return new EgressGuard(new AllowedHosts(List.of(allowedHosts)), this);
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String address = names.get(host.toLowerCase(java.util.Locale.ROOT));
        boolean literal = host.contains(":") || host.matches("[0-9.]+");
        if (address == null && !literal) {
            throw new UnknownHostException(host + ": not in this test's table");
        }
        // a literal address is parsed, never looked up
        return new InetAddress[] {InetAddress.getByName(address == null ? host : address)};
    }
}
