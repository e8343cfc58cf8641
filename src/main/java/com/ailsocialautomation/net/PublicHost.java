package com.ailsocialautomation.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a host people outside could reach, judged from its name alone (no DNS): an address literal in a private,
 * loopback or reserved block, or a name that only a local network resolves, is not. Used for AIL's own public URL,
 * which platforms that fetch media by URL must reach.
 */
public final class PublicHost {
    private static final String[] LOCAL_SUFFIXES = {".localhost", ".local", ".internal", ".lan", ".home.arpa",
            ".test", ".example", ".invalid"};

    private PublicHost() {}

    /** Why {@code host} is not reachable from the internet, as words for the operator; empty when it may be. */
    public static Optional<String> whyNot(String host) {
        if (host == null || host.isBlank()) {
            return Optional.of("has no host");
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") || h.matches("[0-9.]+") || h.contains(":")) {
            try {
                return PublicAddress.whyNot(InetAddress.getByName(h)).map(why -> "is a " + why);
            } catch (UnknownHostException e) {
                return Optional.of("is not a valid address");
            }
        }
        if (h.equals("localhost") || !h.contains(".")) {
            return Optional.of("is a name only this machine or its network knows");
        }
        for (String suffix : LOCAL_SUFFIXES) {
            if (h.endsWith(suffix)) {
                return Optional.of("is a name only a local network knows (" + suffix + ")");
            }
        }
        return Optional.empty();
    }
}
