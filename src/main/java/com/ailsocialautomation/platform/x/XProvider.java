package com.ailsocialautomation.platform.x;

import com.ailsocialautomation.platform.BaseUrl;
import com.ailsocialautomation.platform.ApiClient;
import com.ailsocialautomation.platform.ApiRequest;
import com.ailsocialautomation.platform.ApiResponse;
import com.ailsocialautomation.platform.AuthorizeRequest;
import com.ailsocialautomation.platform.CodeExchange;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.Profile;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.platform.Published;
import com.ailsocialautomation.platform.Query;
import com.ailsocialautomation.platform.TokenSet;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * X (API v2) for the operator's confidential OAuth 2.0 app: PKCE S256 on authorize, Basic auth on the token
 * endpoint, rotating single-use refresh tokens, posts through {@code POST /2/tweets}, media through the v2 chunked
 * upload. Weighted character counting happens before a post gets here.
 */
public final class XProvider implements Provider {
    public static final String API_URL = "https://api.x.com";
    /** The authorize page lives on x.com, not on the API host. */
    public static final String AUTH_URL = "https://x.com";
    static final String SCOPES = "tweet.read tweet.write users.read offline.access media.write";

    private final ApiClient api;
    private final String apiUrl;
    private final String authUrl;
    private final XAnswers answers;
    private final XTokens tokens;
    private final XMediaUpload media;

    /** {@code apiUrl} and {@code authUrl} are bases without a trailing slash; null means X's own hosts. */
    public XProvider(ApiClient api, String apiUrl, String authUrl, Clock clock) {
        this(api, apiUrl, authUrl, clock, XMediaUpload.CHUNK_BYTES);
    }

    XProvider(ApiClient api, String apiUrl, String authUrl, Clock clock, int chunkBytes) {
        this.api = api;
        this.apiUrl = BaseUrl.or(apiUrl, API_URL);
        this.authUrl = BaseUrl.or(authUrl, AUTH_URL);
        this.answers = new XAnswers(clock);
        this.tokens = new XTokens(api, this.apiUrl, answers, clock);
        this.media = new XMediaUpload(api, this.apiUrl, answers, chunkBytes);
    }

    @Override
    public Platform platform() {
        return Platform.X;
    }

    @Override
    public URI authorizeUrl(AuthorizeRequest request) {
        if (request.codeChallenge() == null || request.app() == null) {
            throw new IllegalArgumentException("X requires PKCE and the operator's client id");
        }
        return URI.create(authUrl + "/i/oauth2/authorize?" + Query.of(
                "response_type", "code",
                "client_id", request.app().clientId(),
                "redirect_uri", request.redirectUri(),
                "scope", SCOPES,
                "state", request.state(),
                "code_challenge", request.codeChallenge(),
                "code_challenge_method", "S256"));
    }

    @Override
    public TokenSet exchangeCode(CodeExchange exchange) {
        return tokens.exchange(exchange);
    }

    @Override
    public TokenSet refresh(Credentials credentials) {
        return tokens.refresh(credentials);
    }

    @Override
    public boolean canRevoke() {
        return true;
    }

    /** Revokes the refresh token too when there is one: it is what keeps access alive after the 2 h token ends. */
    @Override
    public void revoke(Credentials credentials) {
        tokens.revoke(credentials.accessToken(), "access_token", credentials.app());
        if (credentials.refreshToken() != null) {
            tokens.revoke(credentials.refreshToken(), "refresh_token", credentials.app());
        }
    }

    @Override
    public Profile profile(Credentials credentials) {
        ApiResponse response = api.send(ApiRequest.get(apiUrl + "/2/users/me?"
                + Query.of("user.fields", "profile_image_url,username,name,verified")).bearer(credentials.accessToken()));
        JsonNode data = answers.read(response, XCall.PROFILE).path("data");
        String username = XAnswers.required(data, "username", XCall.PROFILE);
        return new Profile(XAnswers.required(data, "id", XCall.PROFILE), username, data.path("name").asText(username),
                data.path("profile_image_url").asText(null), "https://x.com/" + username);
    }

    @Override
    public MediaRef uploadMedia(Credentials credentials, Media item) {
        return media.upload(credentials.accessToken(), item);
    }

    /** X keeps an upload for expires_after_secs (a day); an hour less leaves room. */
    @Override
    public java.time.Duration uploadKeptFor() {
        return java.time.Duration.ofHours(23);
    }

    @Override
    public MediaRef mediaStatus(Credentials credentials, MediaRef item) {
        return item.ready() ? item : media.status(credentials.accessToken(), item);
    }

    @Override
    public Published publish(Credentials credentials, PublishRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (request.text() != null && !request.text().isEmpty()) {
            body.put("text", request.text()); // X takes a post with media and no text, but not an empty text
        }
        if (!request.media().isEmpty()) {
            body.put("media", Map.of("media_ids", Provider.ids(request.media())));
        }
        if (request.replyTo() != null) { // a thread's next part, or a first comment: a reply to the account's own post
            body.put("reply", Map.of("in_reply_to_tweet_id", request.replyTo().parent().externalId()));
        }
        ApiResponse response = api.send(ApiRequest.post(apiUrl + "/2/tweets").json(body).bearer(credentials.accessToken()));
        String id = answers.postId(response);
        String owner = credentials.handle() == null || credentials.handle().isBlank() ? "i/web" : credentials.handle();
        return new Published(id, "https://x.com/" + owner + "/status/" + id, response.status());
    }
}
