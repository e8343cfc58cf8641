package com.ailsocialautomation.platform.webhook;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.UserError;
import com.ailsocialautomation.net.GuardedHttp;
import com.ailsocialautomation.net.Response;
import com.ailsocialautomation.net.UnreachableUrl;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.MediaItem;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.Profile;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.platform.Published;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Any HTTPS endpoint: each post is POSTed as JSON {text, media, media_items, post_id, scheduled_at}, plus {@code title}
 * and {@code tags} when the post gives them (a blog wants both), signed by the Standard
 * Webhooks scheme ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}) under the connection's
 * secret, plus the deprecated {@code X-AIL-Signature} and {@code X-AIL-Delivery} for one release (see
 * {@link WebhookSignature}). The id is the target's idempotency key: the same on every retry, so a receiver can
 * drop a repeat; the timestamp is the attempt's, so a receiver can refuse a replay. The URL goes through the guard
 * on every request, because DNS can change after connect time.
 */
public final class WebhookProvider implements Provider {
    private final GuardedHttp http;
    private final Clock clock;

    public WebhookProvider(GuardedHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return Platform.WEBHOOK;
    }

    @Override
    public Profile profile(Credentials credentials) {
        return new Profile(credentials.accountId(), credentials.handle(), credentials.handle(), null, credentials.instanceUrl());
    }

    /** Each webhook is its owner's own receiver, with no platform limit to keep: as many at once as the engine runs. */
    @Override
    public int maxInFlight() {
        return 0;
    }

    @Override
    public boolean uploadsMedia() {
        return false;
    }

    private static Map<String, Object> item(MediaItem item) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", item.fileName());
        json.put("type", item.facts() == null ? null : item.facts().type().mimeType());
        json.put("size", item.facts() == null ? null : item.facts().size());
        json.put("alt", item.altText());
        json.put("url", item.sourceUrl());
        return json;
    }

    @Override
    public Published publish(Credentials credentials, PublishRequest request) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("text", request.text());
        // media: the public links alone, as before media_items (deprecated); media_items: every item in order
        json.put("media", request.items().stream().map(MediaItem::sourceUrl).filter(Objects::nonNull).toList());
        json.put("media_items", request.items().stream().map(WebhookProvider::item).toList());
        json.put("post_id", request.postId());
        json.put("scheduled_at", request.scheduledAt().toString());
        if (request.options().title() != null) {
            json.put("title", request.options().title());
        }
        if (!request.options().tags().isEmpty()) {
            json.put("tags", request.options().tags());
        }
        byte[] body;
        try {
            body = Json.MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String id = request.idempotencyKey().toString();
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSignature.standard(credentials.accessToken(), id, timestamp, body));
        headers.put("X-AIL-Signature", WebhookSignature.legacy(credentials.accessToken(), body)); // deprecated
        headers.put("X-AIL-Delivery", id); // deprecated: webhook-id
        Response response;
        try {
            response = http.postJson(credentials.instanceUrl(), body, headers);
        } catch (UnreachableUrl e) {
            throw e.mayHaveArrived() ? PlatformError.answerLost(e.getMessage())
                    : new PlatformError(PlatformError.Kind.TRANSIENT, 0, e.getMessage(), null);
        } catch (UserError e) {
            throw new PlatformError(PlatformError.Kind.PERMANENT, 0, e.getMessage(), null);
        }
        int status = response.status();
        if (status >= 200 && status < 300) {
            return new Published(request.idempotencyKey().toString(), null, status);
        }
        throw WebhookErrors.of(status, response, clock.instant());
    }
}
