package com.ailsocialautomation.platform;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.net.GuardedHttp;
import com.ailsocialautomation.net.Response;
import com.ailsocialautomation.net.UnreachableUrl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client for API hosts a person named (Mastodon instances): every request passes the URL guard, no redirect
 * is followed, no cookie is sent. A server that cannot be reached or does not answer in time is TRANSIENT; a URL
 * the guard refuses (a private address, plain http) is PERMANENT with the guard's one-line reason.
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
        Response response;
        try {
            response = http.exchange(request.method(), request.url(), headers, request.body());
        } catch (UnreachableUrl e) {
            throw new PlatformError(PlatformError.Kind.TRANSIENT, 0, e.getMessage(), null);
        } catch (UserError e) {
            throw new PlatformError(PlatformError.Kind.PERMANENT, 0, e.getMessage(), null);
        }
        return new ApiResponse(response.status(), response.headers(), response.body());
    }
}
