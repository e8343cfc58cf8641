package com.ailsocialautomation.platform.webhook;

import com.ailsocialautomation.net.Response;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.RetryAfter;

import java.time.Instant;

/** Maps a webhook's HTTP answer to a PlatformError kind. */
final class WebhookErrors {
    private WebhookErrors() {}

    static PlatformError of(int status, Response response, Instant now) {
        String body = response.bodyText().strip();
        String detail = "the webhook answered HTTP " + status + (body.isEmpty() ? "" : ": " + abbreviate(body));
        if (status == 429) {
            return new PlatformError(PlatformError.Kind.RATE_LIMITED, status, detail, RetryAfter.at(response.header("Retry-After"), now));
        }
        if (status >= 500 || status == 408) {
            return new PlatformError(PlatformError.Kind.TRANSIENT, status, detail, null);
        }
        return new PlatformError(PlatformError.Kind.PERMANENT, status, detail, null);
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }
}
