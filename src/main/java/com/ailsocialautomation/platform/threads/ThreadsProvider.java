package com.ailsocialautomation.platform.threads;

import com.ailsocialautomation.platform.BaseUrl;
import com.ailsocialautomation.platform.ApiClient;
import com.ailsocialautomation.platform.AuthorizeRequest;
import com.ailsocialautomation.platform.CodeExchange;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.Profile;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.PublicMedia;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.platform.Published;
import com.ailsocialautomation.platform.TokenSet;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Threads through its own API and login (the Meta app's Threads app id and secret): text, a picture, a video or a
 * carousel of up to 20, each published from a container that Threads fills by fetching AIL's public media links.
 * platforms.md names threads.net for the authorization window; Threads' current documentation names threads.com,
 * which AIL follows. Threads documents no PKCE and no token revocation: disconnecting deletes AIL's copy of the
 * token, and the person removes AIL under Threads' website permissions.
 */
public final class ThreadsProvider implements Provider {
    public static final String API_URL = "https://graph.threads.net";
    public static final String AUTH_URL = "https://threads.com";
    /** Profiles and published posts live here; AIL only links to them. */
    public static final String WEB_URL = "https://www.threads.com";
    /** threads_manage_replies: a thread's later parts are replies (reply_to_id), which Threads grants with it. */
    static final String SCOPES = "threads_basic,threads_content_publish,threads_manage_replies";
    /** A 60-day token is renewed when less than this is left: an account that posts once a month stays connected. */
    static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private final String authUrl;
    private final ThreadsGraph graph;
    private final ThreadsTokens tokens;
    private final ThreadsContainers containers;
    private final ThreadsQuota quota;

    /** Bases without a trailing slash, null for Threads' own. */
    public ThreadsProvider(ApiClient api, String apiUrl, String authUrl, Clock clock, PublicMedia publicMedia) {
        this.authUrl = BaseUrl.or(authUrl, AUTH_URL);
        ThreadsAnswers answers = new ThreadsAnswers(clock);
        this.graph = new ThreadsGraph(api, BaseUrl.or(apiUrl, API_URL), answers);
        this.tokens = new ThreadsTokens(graph, answers, clock);
        this.containers = new ThreadsContainers(graph, publicMedia);
        this.quota = new ThreadsQuota(graph, clock);
    }

    @Override
    public Platform platform() {
        return Platform.THREADS;
    }

    @Override
    public URI authorizeUrl(AuthorizeRequest request) {
        return URI.create(authUrl + "/oauth/authorize?client_id=" + enc(request.app().clientId())
                + "&redirect_uri=" + enc(request.redirectUri())
                + "&scope=" + enc(SCOPES)
                + "&response_type=code"
                + "&state=" + enc(request.state()));
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
    public Duration renewBefore() {
        return RENEW_BEFORE;
    }

    @Override
    public Profile profile(Credentials credentials) {
        JsonNode me = graph.get("/me", Map.of("fields", "id,username,name,threads_profile_picture_url"),
                credentials.accessToken(), "reading the profile");
        String username = ThreadsAnswers.required(me, "username", "reading the profile");
        return new Profile(ThreadsAnswers.required(me, "id", "reading the profile"), username, me.path("name").asText(username),
                me.path("threads_profile_picture_url").asText(null), WEB_URL + "/@" + username);
    }

    @Override
    public MediaRef uploadMedia(Credentials credentials, Media media, PublishRequest post) {
        return containers.create(credentials, media, post);
    }

    @Override
    public MediaRef mediaStatus(Credentials credentials, MediaRef media) {
        return media.ready() ? media : containers.status(credentials, media);
    }

    /** Containers expire after 24 hours; one older than this is made again rather than published. */
    @Override
    public Duration uploadKeptFor() {
        return Duration.ofHours(23);
    }

    @Override
    public Published publish(Credentials credentials, PublishRequest request) {
        quota.check(credentials);
        String creation = containers.forPost(credentials, request);
        JsonNode published = graph.post("/" + userId(credentials) + "/threads_publish", Map.of("creation_id", creation),
                credentials.accessToken(), "publishing the post");
        String id = ThreadsAnswers.required(published, "id", "publishing the post");
        return new Published(id, permalink(credentials, id), 200);
    }

    /** The post's link; null when Threads does not say (the post is out all the same). */
    private String permalink(Credentials credentials, String id) {
        try {
            String link = graph.get("/" + id, Map.of("fields", "permalink"), credentials.accessToken(), "reading the post's link")
                    .path("permalink").asText("");
            return link.startsWith("https://") ? link : null;
        } catch (PlatformError e) {
            return null;
        }
    }

    /** The Threads user id the account was connected with ("me" names the token's own user too). */
    static String userId(Credentials credentials) {
        String id = credentials.accountId();
        return id == null || id.isBlank() ? "me" : id;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
