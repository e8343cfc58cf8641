package com.ailsocialautomation.net;

import com.ailsocialautomation.UserError;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletableFuture;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one gate for every URL a person gives us: webhooks, media links, Mastodon instances, Bluesky PDSes.
 * Only https on port 443 or 8443, no user info, and every address the host resolves to must be public. Messages name the
 * host at most, never the path or query, which often carry a webhook's secret.
 */
public final class UrlGuard {
    static final int MAX_URL_LENGTH = 2048;
    private static final String USE_HTTPS = "use a public https URL.";
    /** Asked only after a lookup failed: a name that always resolves tells a typo from a machine without DNS. */
    static final String PROBE_HOST = "example.com";

    private final boolean insecureLoopback;
    private final TimedResolver resolver;

    /**
     * @param insecureLoopback AIL_INSECURE_LOOPBACK: also let http:// and loopback addresses through,
     *                         for local tests only; every other rule still holds
     */
    public UrlGuard(boolean insecureLoopback, Resolver resolver) {
        this.insecureLoopback = insecureLoopback;
        this.resolver = new TimedResolver(Objects.requireNonNull(resolver, "resolver"), TimedResolver.LIMIT);
    }

    public VettedUrl check(String url) {
        Parsed parsed = parsed(url);
        return vetted(parsed, resolve(parsed.host(), resolver.lookup(parsed.host())));
    }

    /**
     * Checks several URLs (a post's media) as {@link #check} does, looking their hosts up at the same time, so the
     * time limit of a lookup bounds the whole check; the first URL in order that fails throws.
     */
    public List<VettedUrl> checkAll(List<String> urls) {
        List<Parsed> parsed = urls.stream().map(this::parsed).toList();
        Map<String, CompletableFuture<List<InetAddress>>> lookups = new HashMap<>();
        parsed.forEach(p -> lookups.computeIfAbsent(p.host(), resolver::lookup));
        return parsed.stream().map(p -> vetted(p, resolve(p.host(), lookups.get(p.host())))).toList();
    }

    private record Parsed(URI uri, String host, int port, boolean plainHttp) {}

    private Parsed parsed(String url) {
        URI uri = parse(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean plainHttp = scheme.equals("http");
        if (!scheme.equals("https") && !(plainHttp && insecureLoopback)) {
            throw new UserError("That URL must start with https://.");
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new UserError("That URL contains a user name or password; remove them and " + USE_HTTPS);
        }
        if (uri.getHost() == null) {
            throw new UserError("That URL has no valid host name (for international names use the xn-- form); "
                    + USE_HTTPS);
        }
        String host = unbracket(uri.getHost());
        int port = uri.getPort() == -1 ? (plainHttp ? 80 : 443) : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new UserError("That URL has an invalid port number; " + USE_HTTPS);
        }
        if (!insecureLoopback && port != 443 && port != 8443) {
            // other ports reach services that were never meant for the web (mail, databases, admin consoles)
            throw new UserError("That URL uses port " + port + "; AIL only connects to the https ports 443 and 8443. "
                    + "Use the address without a port, or with :443.");
        }
        return new Parsed(uri, host, port, plainHttp);
    }

    private VettedUrl vetted(Parsed parsed, List<InetAddress> addresses) {
        boolean plainHttp = parsed.plainHttp();
        for (InetAddress address : addresses) {
            if (insecureLoopback && PublicAddress.isLoopback(address)) {
                continue;
            }
            Optional<String> why = PublicAddress.whyNot(address);
            if (why.isPresent()) {
                throw new UserError("That URL points to a " + why.get() + " (" + address.getHostAddress() + "); "
                        + USE_HTTPS);
            }
            if (plainHttp) {
                // insecureLoopback opens http for the local machine only, never for a public host
                throw new UserError("That URL must start with https://.");
            }
        }
        return new VettedUrl(parsed.uri(), parsed.host(), parsed.port(), addresses);
    }

    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new UserError("Give a URL that starts with https://.");
        }
        String trimmed = url.strip();
        if (trimmed.length() > MAX_URL_LENGTH) {
            throw new UserError("That URL is longer than " + MAX_URL_LENGTH + " characters; " + USE_HTTPS);
        }
        try {
            return new URI(trimmed);
        } catch (URISyntaxException | IllegalArgumentException e) {
            // the exception quotes the input, which may hold a secret: say only that it is malformed.
            // IllegalArgumentException: the JDK's parser throws NumberFormatException on some IPv6
            // literals with an embedded IPv4 part (found by UrlGuardFuzzTest, kept as a seed)
            throw new UserError("That is not a valid URL; " + USE_HTTPS);
        }
    }

    private List<InetAddress> resolve(String host, CompletableFuture<List<InetAddress>> lookup) {
        List<InetAddress> addresses;
        try {
            addresses = TimedResolver.await(lookup, host);
        } catch (TimedResolver.TooSlow e) {
            throw new UserError("Looking up the host " + shorten(host) + " took longer than "
                    + TimedResolver.LIMIT.toSeconds() + " s; check the URL, or try again in a moment.");
        } catch (TimedResolver.Busy e) {
            throw new UserError("AIL is waiting for many slow host lookups right now; try again in a minute.");
        } catch (UnknownHostException | IllegalArgumentException e) {
            addresses = List.of();
        }
        if (addresses == null || addresses.isEmpty()) {
            if (!resolves(PROBE_HOST)) {
                // Retryable: the name may be fine once the machine is back on the network.
                throw new UnreachableUrl(shorten(host), "this machine cannot look up any host name right now ("
                        + PROBE_HOST + " fails too), so it has no network or no DNS; check its connection and try again");
            }
            throw new UserError("Could not find the host " + shorten(host) + "; check the spelling of the URL.");
        }
        return addresses;
    }

    private boolean resolves(String name) {
        try {
            List<InetAddress> found = resolver.resolve(name);
            return found != null && !found.isEmpty();
        } catch (UnknownHostException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static String shorten(String host) {
        return host.length() <= 80 ? host : host.substring(0, 80) + "…";
    }
}
