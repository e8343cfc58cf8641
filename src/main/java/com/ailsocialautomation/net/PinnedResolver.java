package com.ailsocialautomation.net;

import org.eclipse.jetty.client.Destination;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

/**
 * Jetty asks this instead of DNS where to connect. It answers only with the addresses {@link UrlGuard}
 * already checked, carried to it in the request's tag, so a name cannot resolve to something else
 * between the check and the connect (DNS rebinding).
 */
final class PinnedResolver implements SocketAddressResolver {

    /**
     * The request tag. Jetty keeps one connection pool per (scheme, host, port, tag), so a pooled
     * connection is reused only for a request whose host resolved to the very same checked addresses.
     */
    record Pin(String host, int port, List<InetAddress> addresses) {
        static Pin of(VettedUrl url) {
            return new Pin(url.host(), url.port(), url.addresses());
        }
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        Object destination = context.get(Destination.CONTEXT_KEY);
        Object tag = destination instanceof Destination d ? d.getOrigin().getTag() : null;
        if (tag instanceof Pin pin && pin.port() == port && sameHost(pin.host(), host)) {
            promise.succeeded(pin.addresses().stream().map(a -> socketAddress(pin.host(), a, port)).toList());
        } else {
            // every request goes through GuardedHttp, which always pins; anything else is a bug
            promise.failed(new IllegalStateException("refusing to connect to a destination that was not vetted"));
        }
    }

    /**
     * Jetty takes the TLS peer name (SNI and certificate check) from the socket address's host string,
     * so the address must carry the host name; getByAddress attaches it without any lookup. Without
     * this, the certificate would be checked against the bare IP and every https fetch would fail.
     */
    private static InetSocketAddress socketAddress(String host, InetAddress address, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(host, address.getAddress()), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a checked address has an impossible length", e);
        }
    }

    private static boolean sameHost(String vetted, String requested) {
        String bare = requested.startsWith("[") && requested.endsWith("]")
                ? requested.substring(1, requested.length() - 1) : requested;
        return vetted.equalsIgnoreCase(bare);
    }
}
