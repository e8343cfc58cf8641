package com.ailsocialautomation.net;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

/**
 * A URL that passed {@link UrlGuard#check}, with the addresses that were checked. Connect only to those.
 *
 * @param uri the parsed URL, without user info
 * @param host the host name (IPv6 literals without brackets), as TLS must verify it
 * @param port the explicit or default port
 * @param addresses every address the host resolved to, all of them allowed
 */
public record VettedUrl(URI uri, String host, int port, List<InetAddress> addresses) {

    public VettedUrl {
        addresses = List.copyOf(addresses);
    }

    /** The origin only: webhook URLs carry their secret in the path or query, so that never reaches a log. */
    @Override
    public String toString() {
        return uri.getScheme() + "://" + uri.getRawAuthority() + "/…";
    }
}
