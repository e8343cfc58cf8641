package com.ailsocialautomation.net;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.config.Secret;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.ProxyAuthenticationProtocolHandler;
import org.eclipse.jetty.client.RedirectProtocolHandler;
import org.eclipse.jetty.client.WWWAuthenticationProtocolHandler;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The only HTTP client for URLs a person supplied. Jetty's client rather than the JDK's, because it lets
 * {@link PinnedResolver} stand in for DNS: we connect to exactly the addresses {@link UrlGuard} checked,
 * while the Host header, SNI and certificate checks keep the real name. It keeps no cookies, answers no
 * authentication challenge, uses no proxy, follows no redirect on its own and never decompresses.
 */
public final class GuardedHttp implements AutoCloseable {
    static final int MAX_REDIRECTS = 3;
    // set by the transport or meaningless for a one-shot request; Cookie and Proxy-Authorization are credentials
    private static final Set<String> REFUSED_HEADERS = Set.of(
            "cookie", "cookie2", "proxy-authorization", "host", "content-length", "transfer-encoding", "connection");

    private final UrlGuard guard;
    private final HttpLimits limits;
    private final HttpClient client;

    public GuardedHttp(UrlGuard guard, HttpLimits limits) {
        this(guard, limits, new SslContextFactory.Client());
    }

    /** Tests pass a trust store with their own certificate; hostname verification stays on. */
    GuardedHttp(UrlGuard guard, HttpLimits limits, SslContextFactory.Client tls) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.limits = Objects.requireNonNull(limits, "limits");
        tls.setEndpointIdentificationAlgorithm("HTTPS");
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(tls);
        client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        client.setSocketAddressResolver(new PinnedResolver());
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.setFollowRedirects(false);
        client.setConnectTimeout(limits.connectTimeout().toMillis());
        client.setIdleTimeout(limits.totalTimeout().toMillis());
        client.setDestinationIdleTimeout(60_000); // one destination per pinned address set: let old ones go
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "AIL"));
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the HTTP client", e);
        }
        // start() installs these; without them a 401 or 407 is just an answer and bytes stay as sent
        client.getProtocolHandlers().remove(WWWAuthenticationProtocolHandler.NAME);
        client.getProtocolHandlers().remove(ProxyAuthenticationProtocolHandler.NAME);
        client.getProtocolHandlers().remove(RedirectProtocolHandler.NAME);
        client.getContentDecoderFactories().clear();
    }

    /**
     * Fetches a media file, following at most {@value #MAX_REDIRECTS} redirects, each target checked
     * like the first, and accepts it only if its bytes are one of the allowed types.
     */
    public Download download(String url, long maxBytes, Set<MediaType> allowed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            downloadTo(url, null, out, maxBytes, limits.totalTimeout());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        byte[] bytes = out.toByteArray();
        return new Download(bytes, MediaSniffer.require(bytes, allowed));
    }

    /**
     * Streams a media file to {@code out}, following at most {@value #MAX_REDIRECTS} redirects, each target checked
     * like the first, and stops at {@code maxBytes}. A {@code bearer} (a chat's file token) is sent only to the
     * host and port of {@code url} itself: a redirect elsewhere is followed without it. The caller learns the type
     * from the bytes afterwards. The whole transfer, redirects included, must end {@code within} (a large video
     * takes longer than an API answer). Returns the number of bytes written.
     */
    public long downloadTo(String url, Secret bearer, OutputStream out, long maxBytes, Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        VettedUrl first = guard.check(url);
        VettedUrl target = first;
        for (int redirects = 0; ; redirects++) {
            boolean sameOrigin = target.host().equalsIgnoreCase(first.host()) && target.port() == first.port()
                    && target.uri().getScheme().equalsIgnoreCase(first.uri().getScheme());
            Map<String, String> headers = bearer != null && sameOrigin
                    ? Map.of("Authorization", "Bearer " + bearer.reveal()) : Map.of();
            try (Exchange exchange = Exchange.send(client, target, "GET", null, null, headers, remaining(target, deadline))) {
                int status = exchange.status();
                if (isRedirect(status)) {
                    if (redirects == MAX_REDIRECTS) {
                        throw new UserError("That URL redirects more than " + MAX_REDIRECTS
                                + " times; link directly to the file.");
                    }
                    target = guard.check(nextHop(target, exchange.header("Location")));
                    continue;
                }
                if (status >= 500 || status == 408 || status == 429) {
                    // the server is there but cannot serve it now: worth another try later
                    throw new UnreachableUrl(target.host(), "it answered HTTP " + status);
                }
                if (status != 200) {
                    throw new UserError("The server at " + target.host() + " answered HTTP " + status
                            + " for that file; check that the link is public and direct.");
                }
                String declared = exchange.header("Content-Length");
                if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > maxBytes) {
                    throw tooBig(maxBytes); // an honest size saves the download; a lie is caught while reading
                }
                return exchange.copyAtMost(out, maxBytes, () -> tooBig(maxBytes));
            }
        }
    }

    /**
     * POSTs a JSON body with the caller's headers (a signature, a bearer token; never a cookie) and
     * returns the answer as is. Redirects are not followed: re-sending a signed body to another
     * address is not what the person configured, so a 3xx goes back to the caller to report.
     */
    public Response postJson(String url, byte[] body, Map<String, String> headers) {
        Objects.requireNonNull(body, "body");
        refuseForbidden(headers);
        return send("POST", guard.check(url), body, "application/json", headers);
    }

    /**
     * Sends one request of any method to a URL a person named (a Mastodon instance, a Bluesky PDS) and returns
     * the answer as is. The caller's headers may carry a bearer token but never a cookie; a Content-Type header
     * describes {@code body} (null: no body). Redirects are not followed, so a bearer token never travels to
     * a host the person did not name; a 3xx goes back to the caller.
     */
    public Response exchange(String method, String url, Map<String, String> headers, byte[] body) {
        if (method == null || !method.matches("[A-Z]{3,7}")) {
            throw new IllegalArgumentException("not an HTTP method: " + method);
        }
        refuseForbidden(headers);
        String contentType = null;
        Map<String, String> rest = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase("Content-Type")) {
                contentType = header.getValue();
            } else {
                rest.put(header.getKey(), header.getValue());
            }
        }
        return send(method, guard.check(url), body, contentType, rest);
    }

    /**
     * {@link #exchange(String, String, Map, byte[])} with a body of {@code length} bytes read from {@code body} as it
     * is sent (a video, never held in memory whole). The time limit grows with the length, as if the body went at
     * 256 KiB/s. The caller closes {@code body}.
     */
    public Response exchange(String method, String url, Map<String, String> headers, long length, InputStream body) {
        Objects.requireNonNull(body, "body");
        refuseForbidden(headers);
        Map<String, String> rest = new LinkedHashMap<>();
        String contentType = null;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase("Content-Type")) {
                contentType = header.getValue();
            } else {
                rest.put(header.getKey(), header.getValue());
            }
        }
        VettedUrl target = guard.check(url);
        Duration timeout = timeoutFor(limits.totalTimeout(), length);
        try (Exchange exchange = Exchange.send(client, target, method, body, length, contentType, rest, timeout)) {
            return answer(target, exchange);
        }
    }

    /** 256 KiB/s: a slow uplink still finishes a 100 MB video, and a dead one is noticed within minutes. */
    public static final long SLOWEST_UPLOAD = 256 * 1024;

    /** A large body takes time to send: the time limit grows with it, as if it went at {@link #SLOWEST_UPLOAD} bytes/s. */
    public static Duration timeoutFor(Duration base, long bodyBytes) {
        return base.plusSeconds(bodyBytes / SLOWEST_UPLOAD);
    }

    private Response send(String method, VettedUrl target, byte[] body, String contentType, Map<String, String> headers) {
        try (Exchange exchange = Exchange.send(client, target, method, body, contentType, headers, limits.totalTimeout())) {
            return answer(target, exchange);
        }
    }

    private Response answer(VettedUrl target, Exchange exchange) {
        byte[] answer = exchange.readAtMost(limits.maxAnswerBytes(), () -> new UserError(
                "The server at " + target.host() + " answered with more than " + limits.maxAnswerBytes() + " bytes."));
        return new Response(exchange.status(), exchange.headers(), answer);
    }

    private static void refuseForbidden(Map<String, String> headers) {
        headers.keySet().forEach(name -> {
            if (REFUSED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("header not allowed on a guarded request: " + name);
            }
        });
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the HTTP client", e);
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String nextHop(VettedUrl from, String location) {
        if (location == null || location.isBlank()) {
            throw new UserError("The server at " + from.host() + " redirected without saying where; link directly to the file.");
        }
        try {
            return from.uri().resolve(location.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw new UserError("The server at " + from.host() + " redirected to an invalid URL; link directly to the file.");
        }
    }

    private static Duration remaining(VettedUrl target, long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new UnreachableUrl(target.host(), "it did not answer in time");
        }
        return Duration.ofNanos(left);
    }

    private static UserError tooBig(long maxBytes) {
        String limit = maxBytes >= 1 << 20 ? maxBytes / (1 << 20) + " MB" : maxBytes / 1024 + " KB";
        return new UserError("That file is larger than the limit of " + limit + "; use a smaller file.");
    }
}
