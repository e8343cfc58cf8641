package com.ailsocialautomation.platform.mastodon;

import com.ailsocialautomation.message.Privacy;
import com.ailsocialautomation.platform.ApiClient;
import com.ailsocialautomation.platform.ApiRequest;
import com.ailsocialautomation.platform.ApiResponse;
import com.ailsocialautomation.platform.AuthorizeRequest;
import com.ailsocialautomation.platform.ClientApp;
import com.ailsocialautomation.platform.CodeExchange;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.Profile;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.platform.Published;
import com.ailsocialautomation.platform.TokenSet;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mastodon, on whichever instance the person names: one app registered per instance, PKCE S256, tokens that live
 * until revoked, the instance's own text limit, statuses sent with an {@code Idempotency-Key} (the server remembers
 * it for an hour, so a retried attempt cannot post twice), and media that may still be processing after upload.
 * The instance is user-supplied, so {@code api} must be the URL-guarded client.
 */
public final class MastodonProvider implements Provider {
    private final ApiClient api;
    private final MastodonOAuth oauth;
    private final MastodonMedia media;

    public MastodonProvider(ApiClient api) {
        this.api = api;
        this.oauth = new MastodonOAuth(api);
        this.media = new MastodonMedia(api);
    }

    /** Mastodon's visibility for the privacy values its registry entry declares. */
    static String visibility(Privacy privacy) {
        return switch (privacy) {
            case PUBLIC -> "public";
            case UNLISTED -> "unlisted";
            case FOLLOWERS -> "private";
            default -> throw new IllegalArgumentException("Mastodon has no " + privacy + " visibility; the command checks this");
        };
    }

    @Override
    public Platform platform() {
        return Platform.MASTODON;
    }

    @Override
    public boolean idempotent() {
        return true;
    }

    /** Mastodon keeps an Idempotency-Key for an hour; ten minutes less leaves room for clocks and queues. */
    @Override
    public Duration idempotencyWindow() {
        return Duration.ofMinutes(50);
    }

    @Override
    public String instanceUrl(String argument) {
        return MastodonInstance.url(argument);
    }

    @Override
    public Integer textLimit(Credentials credentials) {
        return MastodonInstance.maxCharacters(api, credentials.instanceUrl());
    }

    @Override
    public ClientApp registerApp(String instanceUrl, String redirectUri) {
        return oauth.register(instanceUrl, redirectUri);
    }

    @Override
    public URI authorizeUrl(AuthorizeRequest request) {
        return oauth.authorizeUrl(request);
    }

    @Override
    public TokenSet exchangeCode(CodeExchange exchange) {
        return oauth.exchange(exchange);
    }

    @Override
    public boolean canRevoke() {
        return true;
    }

    @Override
    public void revoke(Credentials credentials) {
        oauth.revoke(credentials.instanceUrl(), credentials.accessToken(), credentials.app());
    }

    @Override
    public Profile profile(Credentials credentials) {
        String doing = "reading the profile";
        JsonNode account = MastodonAnswers.read(api.send(ApiRequest.get(credentials.instanceUrl()
                + "/api/v1/accounts/verify_credentials").bearer(credentials.accessToken())), doing);
        String username = MastodonAnswers.required(account, "username", doing);
        return new Profile(MastodonAnswers.required(account, "id", doing),
                "@" + username + "@" + MastodonInstance.host(credentials.instanceUrl()),
                account.path("display_name").asText("").isBlank() ? username : account.path("display_name").asText(),
                account.path("avatar").asText(null), account.path("url").asText(null));
    }

    @Override
    public MediaRef uploadMedia(Credentials credentials, Media item) {
        return media.upload(credentials.instanceUrl(), credentials.accessToken(), item);
    }

    @Override
    public MediaRef mediaStatus(Credentials credentials, MediaRef item) {
        return item.ready() ? item : media.status(credentials.instanceUrl(), credentials.accessToken(), item);
    }

    /**
     * Without privacy: the visibility is left out, so the server applies the account's own default; with it, Mastodon's
     * word for it (its "private" is followers only).
     */
    @Override
    public Published publish(Credentials credentials, PublishRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (request.text() != null && !request.text().isEmpty()) {
            body.put("status", request.text());
        }
        if (request.options().privacy() != null) {
            body.put("visibility", visibility(request.options().privacy()));
        }
        if (!request.media().isEmpty()) {
            body.put("media_ids", Provider.ids(request.media()));
        }
        if (request.replyTo() != null) {
            body.put("in_reply_to_id", request.replyTo().parent().externalId());
        }
        ApiResponse response = api.send(ApiRequest.post(credentials.instanceUrl() + "/api/v1/statuses").json(body)
                .header("Idempotency-Key", request.idempotencyKey().toString()).bearer(credentials.accessToken()));
        JsonNode status = MastodonAnswers.read(response, "posting");
        String url = status.path("url").asText(null);
        return new Published(MastodonAnswers.required(status, "id", "posting"),
                url != null ? url : status.path("uri").asText(null), response.status());
    }
}
