package com.ailsocialautomation.platform.youtube;

import com.ailsocialautomation.platform.BaseUrl;
import com.ailsocialautomation.platform.ApiClient;
import com.ailsocialautomation.platform.ApiRequest;
import com.ailsocialautomation.platform.AuthorizeRequest;
import com.ailsocialautomation.platform.CodeExchange;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.DailyAllowance;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.platform.PlatformApp;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PlatformError.Kind;
import com.ailsocialautomation.platform.Profile;
import com.ailsocialautomation.platform.Provider;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.platform.Published;
import com.ailsocialautomation.platform.Query;
import com.ailsocialautomation.platform.TokenSet;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * YouTube through the Data API v3 and Google's OAuth: a channel connects with offline access and PKCE; a post is
 * one video, uploaded with the resumable protocol, and the upload is the post: the video exists (with its title,
 * description, tags and privacy) once its last byte is in. The session is opened first and kept by the engine as a
 * not-ready item; the bytes follow on the engine's next run ({@link #mediaStatus(Credentials, MediaRef, Media)}),
 * and {@link #publish} then only names the video.
 */
public final class YouTubeProvider implements Provider {
    /** API and upload host. */
    public static final String API_URL = "https://www.googleapis.com";
    /** Google's consent page. */
    public static final String AUTHORIZE_URL = "https://accounts.google.com";
    /** Google's token and revoke endpoints. */
    public static final String TOKEN_URL = "https://oauth2.googleapis.com";
    static final String UPLOAD_SCOPE = "https://www.googleapis.com/auth/youtube.upload";
    /** channels.list with mine=true takes no narrower scope than this, and the upload scope does not cover it. */
    static final String READ_SCOPE = "https://www.googleapis.com/auth/youtube.readonly";
    /** Google's default: 100 videos.insert calls per project and day, a bucket of their own. */
    public static final int DEFAULT_DAILY_UPLOADS = 100;
    static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    /** The media id of an upload still under way; its session URI rides in the (encrypted) payload. */
    static final String SESSION = "upload-session";

    private final ApiClient api;
    private final String apiUrl;
    private final String authorizeUrl;
    private final DailyAllowance allowance;
    private final YouTubeAnswers answers;
    private final GoogleTokens tokens;
    private final ResumableUpload upload;
    private final Clock clock;

    public YouTubeProvider(ApiClient api, PlatformApp app, Clock clock) {
        this(api, app, clock, ResumableUpload.CHUNK_BYTES);
    }

    /** {@code chunkBytes}: a multiple of 256 KiB (tests send small videos in several chunks). */
    public YouTubeProvider(ApiClient api, PlatformApp app, Clock clock, int chunkBytes) {
        this.api = api;
        this.clock = clock;
        this.apiUrl = BaseUrl.or(app.apiUrl(), API_URL);
        this.authorizeUrl = BaseUrl.or(app.authUrl(), AUTHORIZE_URL);
        this.allowance = new DailyAllowance(app.clientId() == null ? "" : app.clientId(),
                app.dailyQuota() == null ? DEFAULT_DAILY_UPLOADS : app.dailyQuota(), PACIFIC, "YouTube's daily upload quota");
        this.answers = new YouTubeAnswers(clock, allowance);
        this.tokens = new GoogleTokens(api, BaseUrl.or(app.authUrl(), TOKEN_URL), answers, clock);
        this.upload = new ResumableUpload(api, apiUrl, answers, chunkBytes);
    }

    @Override
    public Platform platform() {
        return Platform.YOUTUBE;
    }

    /**
     * Offline access with consent every time, so Google sends a refresh token even to a person who connected before.
     * Earlier grants are not included (no include_granted_scopes): the token carries only these two scopes.
     */
    @Override
    public URI authorizeUrl(AuthorizeRequest request) {
        if (request.codeChallenge() == null || request.app() == null) {
            throw new IllegalArgumentException("YouTube connects with PKCE and the operator's client id");
        }
        return URI.create(authorizeUrl + "/o/oauth2/v2/auth?" + Query.of(
                "client_id", request.app().clientId(),
                "redirect_uri", request.redirectUri(),
                "response_type", "code",
                "scope", UPLOAD_SCOPE + " " + READ_SCOPE,
                "state", request.state(),
                "access_type", "offline",
                "prompt", "consent",
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

    @Override
    public void revoke(Credentials credentials) {
        tokens.revoke(credentials);
    }

    /** The person's own channel: its id, its @handle where it has one, its title and picture. */
    @Override
    public Profile profile(Credentials credentials) {
        JsonNode items = answers.read(api.send(ApiRequest.get(apiUrl + "/youtube/v3/channels?"
                + Query.of("part", "snippet", "mine", "true")).bearer(credentials.accessToken())), "reading the channel").path("items");
        if (!items.isArray() || items.isEmpty()) {
            throw new PlatformError(Kind.PERMANENT, 0, "This Google account has no YouTube channel yet: create one at "
                    + "youtube.com, then connect again", null);
        }
        JsonNode channel = items.get(0);
        String id = YouTubeAnswers.required(channel, "id", "reading the channel");
        JsonNode snippet = channel.path("snippet");
        String title = snippet.path("title").asText(id);
        String handle = snippet.path("customUrl").asText("");
        return new Profile(id, handle.isBlank() ? title : handle, title,
                snippet.path("thumbnails").path("default").path("url").asText(null),
                handle.isBlank() ? "https://www.youtube.com/channel/" + id : "https://www.youtube.com/" + handle);
    }

    @Override
    public DailyAllowance uploadAllowance() {
        return allowance;
    }

    /** The video stays on YouTube once uploaded: a later run names it, never uploads it again. */
    @Override
    public Duration uploadKeptFor() {
        return Duration.ofDays(36_500);
    }

    @Override
    public MediaRef uploadMedia(Credentials credentials, Media media) {
        return uploadMedia(credentials, media, null);
    }

    /**
     * Opens the session with the post's details and returns it as a not-ready item, so the engine stores the session
     * (encrypted) before any byte is sent: a run that dies or is interrupted mid-upload is followed by one that goes on
     * from the byte Google holds ({@link #mediaStatus(Credentials, MediaRef, Media)}), on this instance or another.
     */
    @Override
    public MediaRef uploadMedia(Credentials credentials, Media media, PublishRequest post) {
        if (!media.isVideo()) {
            throw new PlatformError(Kind.PERMANENT, 0, "YouTube takes videos only", null);
        }
        return new MediaRef(SESSION, false, upload.open(credentials.accessToken(), VideoDetails.of(post, media), media), Duration.ZERO);
    }

    /** The video resource sent with the session: an edit of it opens a new session. */
    @Override
    public String uploadCarries(PublishRequest post) {
        VideoDetails details = VideoDetails.of(post, null);
        return "\u0000" + details.title() + "\u0000" + details.description() + "\u0000" + details.tags() + "\u0000" + details.privacy();
    }

    /**
     * Goes on with an upload under way: asks the session where it stands, then sends the rest. YouTube asking AIL to
     * slow down is waited out as a not-ready item (not an attempt); other failures are thrown with the session kept.
     */
    @Override
    public MediaRef mediaStatus(Credentials credentials, MediaRef ref, Media media) {
        if (ref.ready() || !SESSION.equals(ref.id()) || ref.payload() == null) {
            return ref;
        }
        try {
            ResumableUpload.Standing standing = upload.ask(credentials.accessToken(), ref.payload(), media.size());
            String videoId = standing.done() ? standing.videoId()
                    : upload.send(credentials.accessToken(), ref.payload(), media, standing.received());
            return new MediaRef(videoId, true, null);
        } catch (PlatformError e) {
            if (e.kind() != Kind.RATE_LIMITED || e.retryAt() == null) {
                throw e;
            }
            return new MediaRef(SESSION, false, ref.payload(), Duration.between(clock.instant(), e.retryAt()));
        }
    }

    /** The video is already up: this only names it, as a Short where YouTube will show it as one. */
    @Override
    public Published publish(Credentials credentials, PublishRequest request) {
        if (request.media().size() != 1 || !request.media().get(0).ready()) {
            throw new PlatformError(Kind.PERMANENT, 0, "A YouTube post is exactly one video", null);
        }
        String id = request.media().get(0).id();
        boolean isShort = !request.items().isEmpty() && VideoDetails.isShort(request.items().get(0).facts());
        return new Published(id, (isShort ? "https://www.youtube.com/shorts/" : "https://www.youtube.com/watch?v=") + id, 200);
    }
}
