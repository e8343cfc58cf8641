package com.ailsocialautomation.net;

import com.ailsocialautomation.UserError;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamRequestContent;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpField;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/** One request to a vetted URL and its streamed answer; redirects are the caller's business. */
final class Exchange implements AutoCloseable {
    private final VettedUrl target;
    private final Request request;
    private final InputStreamResponseListener listener;
    private final Response response;

    private Exchange(VettedUrl target, Request request, InputStreamResponseListener listener, Response response) {
        this.target = target;
        this.request = request;
        this.listener = listener;
        this.response = response;
    }

    /**
     * Sends the request and waits for the status line and headers, at most {@code timeout}. A non-null
     * {@code body} goes out with {@code contentType} (application/octet-stream when that is null).
     */
    static Exchange send(HttpClient client, VettedUrl target, String method, byte[] body, String contentType,
                         Map<String, String> headers, Duration timeout) {
        return send(client, target, method, body == null ? null
                : new BytesRequestContent(contentType == null ? "application/octet-stream" : contentType, body), headers, timeout);
    }

    /**
     * A body read from {@code in} while it is sent, {@code length} bytes long (sent as Content-Length, which upload
     * endpoints require; a stream of unknown length would go chunked).
     */
    static Exchange send(HttpClient client, VettedUrl target, String method, InputStream in, long length, String contentType,
                         Map<String, String> headers, Duration timeout) {
        Request.Content content = new InputStreamRequestContent(contentType == null ? "application/octet-stream" : contentType, in) {
            @Override
            public long getLength() {
                return length;
            }
        };
        return send(client, target, method, content, headers, timeout);
    }

    private static Exchange send(HttpClient client, VettedUrl target, String method, Request.Content body,
                                 Map<String, String> headers, Duration timeout) {
        long millis = Math.max(1, timeout.toMillis());
        Request request;
        try {
            request = client.newRequest(target.uri());
        } catch (IllegalArgumentException e) {
            throw new UserError("That URL cannot be fetched; check it opens in a browser.");
        }
        request
                .method(method)
                .tag(PinnedResolver.Pin.of(target))
                .followRedirects(false)
                .timeout(millis, TimeUnit.MILLISECONDS)
                .headers(fields -> headers.forEach(fields::put));
        if (body != null) {
            request.body(body);
        }
        // once the headers are out the server may act on the request, whatever happens to its answer
        AtomicBoolean committed = new AtomicBoolean();
        request.onRequestCommit(r -> committed.set(true));
        InputStreamResponseListener listener = new InputStreamResponseListener();
        request.send(listener);
        try {
            // a little longer than Jetty's own total timeout, so that its failure, with its cause, comes first
            Response response = listener.get(millis + 1000, TimeUnit.MILLISECONDS);
            return new Exchange(target, request, listener, response);
        } catch (ExecutionException e) {
            throw Failures.unreachable(target, e.getCause(), committed.get());
        } catch (Exception e) {
            request.abort(e);
            throw Failures.unreachable(target, e, committed.get());
        }
    }

    int status() {
        return response.getStatus();
    }

    String header(String name) {
        return response.getHeaders().get(name);
    }

    Map<String, List<String>> headers() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (HttpField field : response.getHeaders()) {
            all.computeIfAbsent(field.getLowerCaseName(), k -> new ArrayList<>()).add(field.getValue());
        }
        return all;
    }

    /** The body, counted as it arrives; more than {@code max} bytes aborts the exchange with {@code tooBig}. */
    byte[] readAtMost(long max, Supplier<UserError> tooBig) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        try (InputStream in = listener.getInputStream()) {
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
                if (total > max) {
                    UserError error = tooBig.get();
                    request.abort(error);
                    throw error;
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            request.abort(e);
            throw Failures.unreachable(target, e, true); // the status line had arrived
        }
        return out.toByteArray();
    }

    /**
     * Streams the body into {@code out}, counted as it arrives, never holding more than one buffer; more than
     * {@code max} bytes aborts the exchange with {@code tooBig}. A failure to read is the server's (unreachable);
     * a failure to write is the caller's own (a full disk) and comes back as the IOException it is. Returns the
     * number of bytes written.
     */
    long copyAtMost(OutputStream out, long max, Supplier<UserError> tooBig) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = listener.getInputStream()) {
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    request.abort(e);
                    throw Failures.unreachable(target, e, true);
                }
                if (n == -1) {
                    return total;
                }
                total += n;
                if (total > max) {
                    UserError error = tooBig.get();
                    request.abort(error);
                    throw error;
                }
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    request.abort(e);
                    throw e;
                }
            }
        }
    }

    /** Drops whatever is left of the answer; harmless after the body was read. */
    @Override
    public void close() {
        request.abort(new IOException("answer not needed"));
    }
}
