package com.ailsocialautomation.platform;

import com.ailsocialautomation.net.GuardedHttp;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import javax.net.ssl.SSLHandshakeException;

/** The client for API hosts the operator configured. No cookies, no redirects followed, bounded by a timeout. */
public final class DirectApiClient implements ApiClient {
    private final HttpClient client;
    private final Duration timeout;

    public DirectApiClient(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public ApiResponse send(ApiRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url())).timeout(timeoutFor(request));
        request.headers().forEach((name, values) -> values.forEach(v -> builder.header(name, v)));
        builder.method(request.method(), publisher(request));
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new ApiResponse(response.statusCode(), response.headers().map(), response.body());
        } catch (HttpConnectTimeoutException | ConnectException | SSLHandshakeException e) {
            // nothing left: repeating is harmless
            throw new PlatformError(PlatformError.Kind.TRANSIENT, 0, "could not reach " + host(request) + " (" + e.getClass().getSimpleName() + ")", null);
        } catch (HttpTimeoutException e) {
            throw lost(request, "no answer within " + timeout.toSeconds() + " s from " + host(request));
        } catch (IOException e) {
            throw lost(request, "the connection to " + host(request) + " failed (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformError(PlatformError.Kind.TRANSIENT, 0, "interrupted while calling " + host(request), null);
        }
    }

    /** A streamed body goes out as it is read, with its length as Content-Length. */
    private static HttpRequest.BodyPublisher publisher(ApiRequest request) {
        if (request.stream() != null) {
            StreamedBody body = request.stream();
            return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
                try {
                    return body.open();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }), body.length());
        }
        return request.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body());
    }

    /** A large body takes time to send: see {@link GuardedHttp#timeoutFor}. */
    private Duration timeoutFor(ApiRequest request) {
        long length = request.stream() != null ? request.stream().length() : request.body() == null ? 0 : request.body().length;
        return GuardedHttp.timeoutFor(timeout, length);
    }

    /** The request may have reached the platform; only a GET is sure to have changed nothing. */
    private static PlatformError lost(ApiRequest request, String message) {
        return "GET".equals(request.method()) ? new PlatformError(PlatformError.Kind.TRANSIENT, 0, message, null)
                : PlatformError.answerLost(message);
    }

    private static String host(ApiRequest request) {
        return URI.create(request.url()).getHost();
    }

}
