package com.ailsocialautomation.net;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether an address is one we may connect to on a person's behalf. The JDK's
 * isSiteLocalAddress and friends miss 100.64/10, fc00::/7 and the IPv6 forms that carry an IPv4
 * address, so every block is listed here explicitly.
 */
final class PublicAddress {
    private static final String PRIVATE = "private network address";
    private static final String RESERVED = "reserved address";

    // Order matters only for the label: the first block that matches names the problem.
    private static final List<Cidr> V4 = List.of(
            Cidr.of("0.0.0.0/8", "unspecified address"),
            Cidr.of("10.0.0.0/8", PRIVATE),
            Cidr.of("100.64.0.0/10", PRIVATE), // carrier-grade NAT, shared by a provider's customers
            Cidr.of("127.0.0.0/8", "loopback address"),
            Cidr.of("169.254.0.0/16", "link-local address"), // includes cloud metadata at 169.254.169.254
            Cidr.of("172.16.0.0/12", PRIVATE),
            Cidr.of("192.0.0.0/24", RESERVED),
            Cidr.of("192.0.2.0/24", RESERVED),
            Cidr.of("192.88.99.0/24", RESERVED),
            Cidr.of("192.168.0.0/16", PRIVATE),
            Cidr.of("198.18.0.0/15", RESERVED),
            Cidr.of("198.51.100.0/24", RESERVED),
            Cidr.of("203.0.113.0/24", RESERVED),
            Cidr.of("224.0.0.0/4", "multicast address"),
            Cidr.of("255.255.255.255/32", "broadcast address"),
            Cidr.of("240.0.0.0/4", RESERVED));

    private static final List<Cidr> V6 = List.of(
            Cidr.of("::/128", "unspecified address"),
            Cidr.of("::1/128", "loopback address"),
            Cidr.of("::/96", RESERVED), // IPv4-compatible, deprecated and never routed
            Cidr.of("64:ff9b:1::/48", PRIVATE), // local-use NAT64
            Cidr.of("2001::/23", RESERVED), // IETF protocol assignments, Teredo among them
            Cidr.of("2001:db8::/32", RESERVED),
            Cidr.of("3fff::/20", RESERVED),
            Cidr.of("fc00::/7", PRIVATE), // unique local
            Cidr.of("fe80::/10", "link-local address"),
            Cidr.of("fec0::/10", PRIVATE),
            Cidr.of("ff00::/8", "multicast address"));

    private static final Cidr GLOBAL_UNICAST = Cidr.of("2000::/3", RESERVED);
    private static final Cidr NAT64 = Cidr.of("64:ff9b::/96", "");
    private static final Cidr SIX_TO_FOUR = Cidr.of("2002::/16", "");
    private static final Cidr LOOPBACK_V4 = V4.get(3);

    private PublicAddress() {
    }

    /** Why the address is not public, as words for the person, or empty when it is public. */
    static Optional<String> whyNot(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? whyNotV4(bytes) : whyNotV6(bytes);
    }

    /** 127.0.0.0/8, ::1, and 127.x written as an IPv4-mapped IPv6 address. */
    static boolean isLoopback(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16 && isMapped(bytes)) {
            bytes = Arrays.copyOfRange(bytes, 12, 16);
        }
        return bytes.length == 4 ? LOOPBACK_V4.contains(bytes) : V6.get(1).contains(bytes);
    }

    private static Optional<String> whyNotV4(byte[] bytes) {
        return V4.stream().filter(block -> block.contains(bytes)).map(Cidr::label).findFirst();
    }

    private static Optional<String> whyNotV6(byte[] bytes) {
        // Forms that carry an IPv4 address are judged by that address: the packet ends up there.
        if (isMapped(bytes) || NAT64.contains(bytes)) {
            return whyNotV4(Arrays.copyOfRange(bytes, 12, 16));
        }
        if (SIX_TO_FOUR.contains(bytes)) {
            return whyNotV4(Arrays.copyOfRange(bytes, 2, 6));
        }
        Optional<String> listed = V6.stream().filter(block -> block.contains(bytes)).map(Cidr::label).findFirst();
        if (listed.isPresent() || GLOBAL_UNICAST.contains(bytes)) {
            return listed;
        }
        return Optional.of(RESERVED); // outside 2000::/3 nothing is handed out as a public address
    }

    private static boolean isMapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }
}
