package com.ailsocialautomation.platform.tiktok;

import com.ailsocialautomation.platform.BaseUrl;
import com.ailsocialautomation.platform.ApiClient;
import com.ailsocialautomation.platform.ApiRequest;
import com.ailsocialautomation.platform.AuthorizeRequest;
import com.ailsocialautomation.platform.CodeExchange;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaFacts;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PlatformError.Kind;
import com.ailsocialautomation.platform.Profile;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.platform.Published;
import com.ailsocialautomation.platform.Query;
import com.ailsocialautomation.platform.TokenSet;
import com.ailsocialautomation.platform.Vetting;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * TikTok through Login Kit v2 and the Content Posting API's Direct Post, for the operator's app. Connecting asks for
 * {@code user.info.basic} (who the account is) and {@code video.publish} (posting), nothing more. Every post asks
 * creator_info first and goes out only with what it allows; the upload itself posts ({@link #postsOnUpload()}), and
 * the engine asks the publish status on later runs until TikTok has published it.
 */
public final class TikTokProvider implements Provider {
    public static final String API_URL = "https://open.tiktokapis.com";
    public static final String AUTH_URL = "https://www.tiktok.com";
    /** Comma-separated, as TikTok's authorize page wants them. */
    static final String SCOPES = "user.info.basic,video.publish";

    private final ApiClient api;
    private final String apiUrl;
    private final String authUrl;
    private final TikTokAnswers answers;
    private final TikTokTokens tokens;
    private final TikTokUpload upload;

    /** {@code apiUrl} and {@code authUrl} are bases without a trailing slash; null means TikTok's own hosts. */
    public TikTokProvider(ApiClient api, String apiUrl, String authUrl, Clock clock) {
        this(api, apiUrl, authUrl, clock, ChunkPlan.CHUNK);
    }

    TikTokProvider(ApiClient api, String apiUrl, String authUrl, Clock clock, long chunkBytes) {
        this.api = api;
        this.apiUrl = BaseUrl.or(apiUrl, API_URL);
        this.authUrl = BaseUrl.or(authUrl, AUTH_URL);
        this.answers = new TikTokAnswers(clock);
        this.tokens = new TikTokTokens(api, this.apiUrl, clock);
        this.upload = new TikTokUpload(api, this.apiUrl, answers, chunkBytes);
    }

    @Override
    public Platform platform() {
        return Platform.TIKTOK;
    }

    /**
     * TikTok's PKCE (documented for its desktop and mobile kits, optional on the web) wants the challenge as the
     * SHA-256 of the verifier in lowercase hex, not RFC 7636's base64url; the method is still called S256. The
     * challenge AIL computes is base64url of that digest, so it is re-encoded here.
     */
    @Override
    public URI authorizeUrl(AuthorizeRequest request) {
        if (request.codeChallenge() == null || request.app() == null) {
            throw new IllegalArgumentException("TikTok is connected with PKCE and the operator's client key");
        }
        String challenge = hex(request.codeChallenge());
        return URI.create(authUrl + "/v2/auth/authorize/?" + Query.of(
                "client_key", request.app().clientId(),
                "scope", SCOPES,
                "response_type", "code",
                "redirect_uri", request.redirectUri(),
                "state", request.state(),
                "code_challenge", challenge,
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

    @Override
    public void revoke(Credentials credentials) {
        tokens.revoke(credentials.accessToken(), credentials.app());
    }

    /** The account from user info (user.info.basic) and its @username from creator_info (video.publish). */
    @Override
    public Profile profile(Credentials credentials) {
        JsonNode user = answers.data(api.send(ApiRequest.get(apiUrl + "/v2/user/info/?"
                + Query.of("fields", "open_id,union_id,avatar_url,display_name")).bearer(credentials.accessToken())),
                "reading the account").path("user");
        String openId = TikTokAnswers.required(user, "open_id", "reading the account");
        CreatorInfo creator = creator(credentials);
        String handle = creator.username() != null ? creator.username() : openId;
        return new Profile(openId, handle, user.path("display_name").asText(handle),
                user.path("avatar_url").asText(null), creator.username() == null ? null : "https://www.tiktok.com/@" + handle);
    }

    /** What the account may post now: TikTok asks apps to query this before every post. */
    CreatorInfo creator(Credentials credentials) {
        return CreatorInfo.from(answers.data(api.send(ApiRequest.post(apiUrl + "/v2/post/publish/creator_info/query/")
                .json(Map.of()).bearer(credentials.accessToken())), "asking TikTok what the account may post"));
    }

    /**
     * Before the post is accepted: what creator_info allows now, checked against the person's choices, and TikTok's
     * required wording, with how the video will be posted, for the person to read.
     */
    @Override
    public Vetting vet(Supplier<Credentials> credentials, PublishRequest request, List<MediaFacts> media) {
        CreatorInfo creator = creator(credentials.get());
        TikTokPost post = TikTokOptions.of(request);
        String refusal = creator.refusal(post, media.isEmpty() ? null : media.get(0).duration());
        if (refusal != null) {
            return Vetting.refused(refusal);
        }
        List<String> off = new java.util.ArrayList<>();
        if (creator.disableComment(post)) {
            off.add("comments");
        }
        if (creator.disableDuet(post)) {
            off.add("duets");
        }
        if (creator.disableStitch(post)) {
            off.add("stitches");
        }
        return Vetting.notice("Visible to " + post.privacy().who + (off.isEmpty() ? "" : "; " + String.join(", ", off)
                + " off") + ". " + post.disclosure());
    }

    @Override
    public boolean postsOnUpload() {
        return true;
    }

    /** Asks creator_info again (the account may have changed since the post was accepted), then sends the video. */
    @Override
    public MediaRef uploadMedia(Credentials credentials, Media media, PublishRequest request) {
        if (!media.isVideo()) {
            throw new PlatformError(Kind.PERMANENT, 0, "AIL posts videos to TikTok; " + media.fileName() + " is not one", null);
        }
        TikTokPost post = TikTokOptions.of(request);
        CreatorInfo creator;
        try {
            creator = creator(credentials);
        } catch (PlatformError e) {
            throw PlatformError.nothingPosted(e);
        }
        String refusal = creator.refusal(post, media.facts().duration());
        if (refusal != null) {
            throw new PlatformError(Kind.PERMANENT, 0, refusal, null);
        }
        return upload.post(credentials.accessToken(), media, request.text(), post, creator);
    }

    @Override
    public MediaRef mediaStatus(Credentials credentials, MediaRef item) {
        return item.ready() ? item : upload.status(credentials.accessToken(), item);
    }

    /** What TikTok published is kept until the target is done: it is the post itself, never uploaded again. */
    @Override
    public Duration uploadKeptFor() {
        return Duration.ofDays(365);
    }

    /** TikTok published the video while AIL uploaded it; this only says what TikTok gave for it. */
    @Override
    public Published publish(Credentials credentials, PublishRequest request) {
        if (request.media().isEmpty() || !request.media().get(0).ready()) {
            throw new PlatformError(Kind.PERMANENT, 0, "TikTok posts need a video", null);
        }
        MediaRef video = request.media().get(0);
        String postId = video.payload();
        if (postId != null && credentials.handle() != null) {
            return new Published(postId, "https://www.tiktok.com/@" + credentials.handle() + "/video/" + postId, 200);
        }
        TikTokPost post = TikTokOptions.of(request);
        String note = post.privacy() == TikTokPrivacy.PRIVATE
                ? "TikTok published it visible only to the creator, so it gives no link; it is on the account's profile in TikTok's app"
                : "TikTok gives no link until the video is public and has passed TikTok's review; it will appear on the account's profile";
        return new Published(video.id(), null, 200, note + " (TikTok publish id " + video.id() + ")");
    }

    /** The S256 digest in hex; a placeholder that is no digest (the confirmation page's form target) stays as it is. */
    private static String hex(String base64url) {
        try {
            byte[] digest = Base64.getUrlDecoder().decode(base64url);
            return digest.length == 32 ? HexFormat.of().formatHex(digest) : base64url;
        } catch (IllegalArgumentException e) {
            return base64url;
        }
    }
}
