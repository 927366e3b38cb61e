package org.drcc.notification.egress;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses are not the public internet, and so not for a channel unless allowed by name. Written here
 * because neither the JDK nor Spring offers the whole list ({@link InetAddress} knows loopback, link-local,
 * site-local and multicast, but not carrier-grade NAT, unique-local IPv6, IPv4 embedded in IPv6, or the reserved
 * blocks). Ranges from the IANA special-purpose registries (RFC 6890 and its updates).
 */
final class AddressRanges {

    private AddressRanges() {
    }

    /** Null for a public address, else what the address is, in words for the refusal. */
    static String nonPublic(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            InetAddress embedded = embeddedIpv4(b);
            if (embedded != null) {
                String inner = nonPublic(embedded);
                return inner == null ? null : inner + " (as IPv6)";
            }
        }
        if (address.isLoopbackAddress()) {
            return "a loopback address (this machine)";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address (where cloud metadata services answer, e.g. 169.254.169.254)";
        }
        if (address.isAnyLocalAddress()) {
            return "the unspecified address (this machine)";
        }
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0 || first >= 240) {
                return "a reserved address";
            } else if (first == 100 && second >= 64 && second < 128) {
                return "a carrier-grade NAT (shared) address";
            } else if (first == 192 && second == 0 && (b[2] & 0xff) == 0 || first == 198 && (second & 0xfe) == 18) {
                return "a reserved address";
            }
            return null;
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return "a private (unique-local IPv6) address";
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return "a private (site-local IPv6) address";
        }
        return null;
    }

    /** The IPv4 address inside an IPv4-mapped, IPv4-compatible or NAT64 (64:ff9b::/96) IPv6 address. */
    private static InetAddress embeddedIpv4(byte[] b) {
        boolean zeros80 = true;
        for (int i = 0; i < 10; i++) {
            zeros80 &= b[i] == 0;
        }
        boolean mapped = zeros80 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = zeros80 && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
        boolean nat64 = b[0] == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        if (!mapped && !compatible && !nat64) {
            return null;
        }
        try {
            return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
