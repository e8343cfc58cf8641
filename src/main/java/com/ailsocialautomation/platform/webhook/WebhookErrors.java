package com.ailsocialautomation.platform.webhook;

import com.ailsocialautomation.net.Response;
import com.ailsocialautomation.platform.PlatformError;

import java.time.Instant;

/** Maps a webhook's HTTP answer to a PlatformError kind. */
final class WebhookErrors {
    private WebhookErrors() {}

    static PlatformError of(int status, Response response) {
        String body = response.bodyText().strip();
        String detail = "the webhook answered HTTP " + status + (body.isEmpty() ? "" : ": " + abbreviate(body));
        if (status == 429) {
            return new PlatformError(PlatformError.Kind.RATE_LIMITED, status, detail, retryAfter(header(response, "Retry-After")));
        }
        if (status >= 500 || status == 408) {
            return new PlatformError(PlatformError.Kind.TRANSIENT, status, detail, null);
        }
        return new PlatformError(PlatformError.Kind.PERMANENT, status, detail, null);
    }

    private static String header(Response response, String name) {
        return response.headers().entrySet().stream().filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }

    static Instant retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Instant.now().plusSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            try {
                return java.time.ZonedDateTime.parse(header.trim(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }
}
