package com.ailsocialautomation.platform.linkedin;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.platform.BaseUrl;
import com.ailsocialautomation.platform.AccountChoice;
import com.ailsocialautomation.platform.ApiClient;
import com.ailsocialautomation.platform.ApiRequest;
import com.ailsocialautomation.platform.ApiResponse;
import com.ailsocialautomation.platform.AuthorizeRequest;
import com.ailsocialautomation.platform.Choices;
import com.ailsocialautomation.platform.CodeExchange;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PlatformError.Kind;
import com.ailsocialautomation.platform.Profile;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.platform.Published;
import com.ailsocialautomation.platform.ReplyTo;
import com.ailsocialautomation.platform.TokenSet;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * LinkedIn as a member: OpenID Connect sign-in for the profile, {@code w_member_social} to post through the
 * versioned Posts API, images and videos through {@code initializeUpload}. The version is pinned because LinkedIn
 * retires each one about a year after release. With {@code organizations} on (AIL_LINKEDIN_ORGANIZATIONS, for apps
 * with the Community Management API) the sign-in also asks for {@code w_organization_social} and
 * {@code r_organization_admin}, and the Pages the person administers are offered beside their profile; a Page's
 * account posts, and owns its images and videos, as {@code urn:li:organization:<id>} with the person's token.
 */
public final class LinkedInProvider implements Provider {
    public static final String API_URL = "https://api.linkedin.com";
    public static final String AUTH_URL = "https://www.linkedin.com";
    public static final String DEFAULT_VERSION = LinkedInVersion.DEFAULT;
    static final String SCOPES = "openid profile w_member_social";
    static final String ORGANIZATION_SCOPES = "w_organization_social r_organization_admin";

    private final String apiUrl;
    private final String authUrl;
    private final LinkedInRest rest;
    private final LinkedInTokens tokens;
    private final LinkedInMedia media;
    private final LinkedInOrganizations organizations;

    /** Bases without a trailing slash, null for LinkedIn's own; {@code version} is YYYYMM, null for {@link #DEFAULT_VERSION}. */
    public LinkedInProvider(ApiClient api, String apiUrl, String authUrl, String version, Clock clock) {
        this(api, apiUrl, authUrl, version, false, clock);
    }

    /** The same; {@code organizations}: also offer the Pages the person administers. */
    public LinkedInProvider(ApiClient api, String apiUrl, String authUrl, String version, boolean organizations, Clock clock) {
        String pinned = version == null || version.isBlank() ? DEFAULT_VERSION : version.strip();
        if (!pinned.matches("\\d{6}")) {
            throw new IllegalArgumentException("The LinkedIn API version must look like YYYYMM (for example " + DEFAULT_VERSION + "), not '" + pinned + "'");
        }
        this.apiUrl = BaseUrl.or(apiUrl, API_URL);
        this.authUrl = BaseUrl.or(authUrl, AUTH_URL);
        LinkedInAnswers answers = new LinkedInAnswers(pinned, clock);
        this.rest = new LinkedInRest(api, this.apiUrl, pinned, answers);
        this.tokens = new LinkedInTokens(api, this.authUrl, answers, clock);
        this.media = new LinkedInMedia(api, rest, answers, this.apiUrl);
        this.organizations = organizations ? new LinkedInOrganizations(rest) : null;
    }

    @Override
    public Platform platform() {
        return Platform.LINKEDIN;
    }

    /** A multiImage post holds 2 to 20 images; videos go one per post. */

    /** platforms.md: LinkedIn documents no PKCE for web apps, so the challenge is not sent. */
    @Override
    public URI authorizeUrl(AuthorizeRequest request) {
        return URI.create(authUrl + "/oauth/v2/authorization?response_type=code"
                + "&client_id=" + enc(request.app().clientId())
                + "&redirect_uri=" + enc(request.redirectUri())
                + "&state=" + enc(request.state())
                + "&scope=" + enc(organizations == null ? SCOPES : SCOPES + " " + ORGANIZATION_SCOPES));
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

    @Override
    public void revoke(Credentials credentials) {
        tokens.revoke(credentials);
    }

    @Override
    public Profile profile(Credentials credentials) {
        JsonNode me = rest.readUnversioned("/v2/userinfo", credentials.accessToken(), "reading the profile");
        String sub = LinkedInAnswers.required(me, "sub", "reading the profile");
        String name = me.path("name").asText(sub);
        return new Profile(sub, name, name, me.path("picture").asText(null), null);
    }

    @Override
    public Choices offer(Credentials credentials) {
        return organizations == null ? new Choices(List.of(), null) : organizations.administered(credentials.accessToken());
    }

    /** A Page posts with the person's own token: disconnecting it leaves the profile and other Pages posting. */
    @Override
    public boolean sharedGrantEndsTogether() {
        return false;
    }

    @Override
    public List<AccountChoice> choices(Credentials credentials) {
        return offer(credentials).accounts();
    }

    @Override
    public MediaRef uploadMedia(Credentials credentials, Media item) {
        return media.upload(credentials.accessToken(), author(credentials), item);
    }

    @Override
    public MediaRef mediaStatus(Credentials credentials, MediaRef item) {
        return item.ready() ? item : media.status(credentials.accessToken(), item);
    }

    @Override
    public Published publish(Credentials credentials, PublishRequest request) {
        ObjectNode post = LinkedInPost.json(author(credentials), request.text(), request.media());
        ApiResponse response = rest.send(ApiRequest.post("/rest/posts").json(post), credentials.accessToken(), "posting");
        String urn = response.header("x-restli-id");
        if (urn == null || urn.isBlank()) {
            return new Published(null, null, response.status()); // posted, but LinkedIn named no id to link to
        }
        return new Published(urn, "https://www.linkedin.com/feed/update/" + urn + "/", response.status());
    }

    /**
     * A first comment through the Comments API: {@code POST /rest/socialActions/{post urn}/comments} as the same
     * author (the member, or the Page through the member's w_organization_social), its URN in {@code x-restli-id}.
     */
    @Override
    public Published comment(Credentials credentials, PublishRequest comment, ReplyTo on) {
        String post = on.parent().externalId();
        ObjectNode body = Json.MAPPER.createObjectNode().put("actor", author(credentials)).put("object", post);
        body.putObject("message").put("text", comment.text());
        ApiResponse response = rest.send(ApiRequest.post("/rest/socialActions/" + LinkedInRest.urn(post) + "/comments").json(body),
                credentials.accessToken(), "commenting");
        String urn = response.header("x-restli-id");
        String id = urn != null && !urn.isBlank() ? urn : response.json("LinkedIn").path("commentUrn").asText(null);
        return new Published(id, "https://www.linkedin.com/feed/update/" + post + "/"
                + (id == null ? "" : "?commentUrn=" + enc(id)), response.status());
    }

    /** The OAuth routes store the OpenID {@code sub} for a member, a Page's URN as is (urn:li:organization:...). */
    private static String author(Credentials credentials) {
        String id = credentials.accountId();
        if (id == null || id.isBlank()) {
            throw new PlatformError(Kind.AUTH_EXPIRED, 0, "The LinkedIn account has no member id; reconnect it", null);
        }
        return id.startsWith("urn:li:") ? id : "urn:li:person:" + id;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
