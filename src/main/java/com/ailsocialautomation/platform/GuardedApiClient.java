package com.ailsocialautomation.platform;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.net.GuardedHttp;
import com.ailsocialautomation.net.Response;
import com.ailsocialautomation.net.UnreachableUrl;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client for API hosts a person named (Bluesky PDSes, Mastodon instances): every request passes the URL guard
 * and goes to exactly the addresses it checked, with no redirect followed. A server that cannot be reached or does
 * not answer in time is TRANSIENT; a URL the guard refuses, or an answer over the size cap, is PERMANENT with the
 * guard's words, which name the host at most.
 */
public final class GuardedApiClient implements ApiClient {
    private final GuardedHttp http;

    public GuardedApiClient(GuardedHttp http) {
        this.http = http;
    }

    @Override
    public ApiResponse send(ApiRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        try {
            Response response = request.stream() == null
                    ? http.exchange(request.method(), request.url(), headers, request.body())
                    : streamed(request, headers);
            return new ApiResponse(response.status(), response.headers(), response.body());
        } catch (UnreachableUrl e) {
            throw unreachable(request, e);
        } catch (UserError e) {
            throw new PlatformError(PlatformError.Kind.PERMANENT, 0, e.getMessage(), null);
        }
    }

    private Response streamed(ApiRequest request, Map<String, String> headers) {
        try (InputStream body = request.stream().open()) {
            return http.exchange(request.method(), request.url(), headers, request.stream().length(), body);
        } catch (IOException e) {
            // AIL's own copy could not be read: nothing reached the platform, and the engine tries again later
            throw new PlatformError(PlatformError.Kind.TRANSIENT, 0, "AIL could not read its copy of the media ("
                    + e.getClass().getSimpleName() + ")", null);
        }
    }

    /** A GET changes nothing, so only another method's lost answer may have done something at the platform. */
    static PlatformError unreachable(ApiRequest request, UnreachableUrl e) {
        return e.mayHaveArrived() && !"GET".equals(request.method())
                ? PlatformError.answerLost(e.getMessage())
                : new PlatformError(PlatformError.Kind.TRANSIENT, 0, e.getMessage(), null);
    }
}
