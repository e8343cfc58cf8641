package com.ailsocialautomation.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into every address it has. The guard checks all of them, and the HTTP client
 * connects only to what this returned, so it is asked exactly once per URL.
 */
@FunctionalInterface
public interface Resolver {

    /**
     * Every A and AAAA record of the host, or the address itself when the host is a literal.
     *
     * @param host a host name or an IP literal without brackets
     * @return at least one address
     * @throws UnknownHostException when the name does not resolve
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The JVM's resolver, {@link InetAddress#getAllByName}, which also parses integer forms like {@code 2130706433}. */
    static Resolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
