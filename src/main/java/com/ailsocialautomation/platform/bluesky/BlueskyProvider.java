package com.ailsocialautomation.platform.bluesky;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.platform.ApiClient;
import com.ailsocialautomation.platform.ApiRequest;
import com.ailsocialautomation.platform.ApiResponse;
import com.ailsocialautomation.platform.Connected;
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
import com.ailsocialautomation.platform.TokenSet;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Bluesky over XRPC on the account's PDS, with app-password sessions: the password logs in once, then the stored
 * session is refreshed (never a login per post). Posts carry link, mention and hashtag facets; images go up with
 * uploadBlob, a video through the video service ({@link BlueskyVideo}). Every call goes through the {@link ApiClient}
 * it is given, which must be the guarded one: the PDS is a URL a person named. A post's record key comes from the target's idempotency key
 * ({@link RecordKey}), so publishing is idempotent for as long as the post exists.
 */
public final class BlueskyProvider implements Provider {
    public static final String DEFAULT_PDS = "https://bsky.social";
    public static final String DEFAULT_VIDEO_SERVICE = "https://video.bsky.app";

    private final ApiClient api;
    private final String defaultPds;
    private final Clock clock;
    private final BlueskyAnswers answers;
    private final BlueskySession sessions;
    private final BlueskyImages images;
    private final BlueskyVideo videos;
    private final Mentions mentions;

    /** {@code defaultPds}: where accounts live unless connected with another PDS; null means bsky.social. */
    public BlueskyProvider(ApiClient api, String defaultPds, Clock clock) {
        this(api, defaultPds, null, clock);
    }

    /** {@code videoService}: Bluesky's video service base; null means video.bsky.app. */
    public BlueskyProvider(ApiClient api, String defaultPds, String videoService, Clock clock) {
        this.api = api;
        this.defaultPds = base(defaultPds == null || defaultPds.isBlank() ? DEFAULT_PDS : defaultPds);
        this.clock = clock;
        this.answers = new BlueskyAnswers(clock);
        this.sessions = new BlueskySession(api, answers, clock);
        this.images = new BlueskyImages(api, answers);
        this.videos = new BlueskyVideo(api, answers,
                base(videoService == null || videoService.isBlank() ? DEFAULT_VIDEO_SERVICE : videoService), clock);
        this.mentions = new Mentions(api);
    }

    @Override
    public Platform platform() {
        return Platform.BLUESKY;
    }

    /** The PDS an account lives on: the one typed, else the default (bsky.social, or AIL_BLUESKY_API_URL's). */
    @Override
    public String instanceUrl(String argument) {
        return pds(argument);
    }

    @Override
    public Connected logIn(String instanceUrl, String identifier, Secret appPassword) {
        String pds = pds(instanceUrl);
        BlueskySession.Session session = sessions.create(pds, identifier, appPassword);
        Credentials fresh = new Credentials(session.tokens().accessToken(), session.tokens().refreshToken(),
                session.tokens().expiresAt(), pds, session.did(), session.handle(), null);
        Profile profile;
        try {
            profile = profile(fresh);
        } catch (PlatformError e) {
            // the session is good; a profile the AppView cannot serve right now only costs the display name
            profile = new Profile(session.did(), session.handle(), session.handle(), null, profileUrl(session.handle()));
        }
        return new Connected(session.tokens(), profile);
    }

    @Override
    public TokenSet refresh(Credentials credentials) {
        if (credentials.refreshToken() == null) {
            throw new PlatformError(Kind.AUTH_EXPIRED, 0, "no Bluesky session to renew; reconnect the account", null);
        }
        return sessions.refresh(pds(credentials.instanceUrl()), credentials.refreshToken(), credentials.accountId());
    }

    @Override
    public boolean canRevoke() {
        return true;
    }

    /** deleteSession takes the refresh JWT; a queued retry holds only the access token and has nothing to end. */
    @Override
    public void revoke(Credentials credentials) {
        if (credentials.refreshToken() != null) {
            sessions.delete(pds(credentials.instanceUrl()), credentials.refreshToken());
        }
    }

    @Override
    public Profile profile(Credentials credentials) {
        ApiResponse response = api.send(ApiRequest.get(pds(credentials.instanceUrl()) + "/xrpc/app.bsky.actor.getProfile?actor="
                + URLEncoder.encode(credentials.accountId(), StandardCharsets.UTF_8)).bearer(credentials.accessToken()));
        JsonNode body = answers.read(response, "reading the profile");
        String handle = BlueskyAnswers.required(body, "handle", "reading the profile");
        return new Profile(BlueskyAnswers.required(body, "did", "reading the profile"), handle,
                body.path("displayName").asText("").isBlank() ? handle : body.path("displayName").asText(),
                body.path("avatar").asText(null), profileUrl(handle));
    }

    @Override
    public MediaRef uploadMedia(Credentials credentials, Media media) {
        String pds = pds(credentials.instanceUrl());
        return media.isVideo() ? videos.upload(pds, credentials, media) : images.upload(pds, credentials.accessToken(), media);
    }

    /**
     * A blob no record points to is deleted by the PDS after a short while ("minutes", the lexicon says), so an
     * item waits for its post at most ten minutes before it is uploaded again.
     */
    @Override
    public java.time.Duration uploadKeptFor() {
        return java.time.Duration.ofMinutes(10);
    }

    /** Images are ready at once; a video is ready when the video service's job holds its blob. */
    @Override
    public MediaRef mediaStatus(Credentials credentials, MediaRef media) {
        return media.ready() ? media : videos.status(media);
    }

    @Override
    public Published publish(Credentials credentials, PublishRequest request) {
        String pds = pds(credentials.instanceUrl());
        String text = request.text() == null ? "" : request.text();
        List<Facet> facets = mentions.resolve(pds, Facets.detect(text));
        String rkey = RecordKey.of(request.idempotencyKey(), request.scheduledAt());
        Map<String, Object> body = Map.of("repo", credentials.accountId(), "collection", "app.bsky.feed.post",
                "rkey", rkey, "record", BlueskyPost.record(text, facets, request.media(), request.replyTo(), clock.instant()));
        ApiResponse response = api.send(ApiRequest.post(pds + "/xrpc/com.atproto.repo.createRecord")
                .json(body).bearer(credentials.accessToken()));
        String uri;
        String cid;
        int status = response.status();
        if (!response.ok() && (status == 400 || status == 409)) {
            // an earlier attempt whose answer was lost may have written this very record
            ApiResponse existing = api.send(ApiRequest.get(pds + "/xrpc/com.atproto.repo.getRecord?repo="
                    + URLEncoder.encode(credentials.accountId(), StandardCharsets.UTF_8)
                    + "&collection=app.bsky.feed.post&rkey=" + rkey).bearer(credentials.accessToken()));
            if (!existing.ok()) {
                throw answers.refusal(response, "posting");
            }
            JsonNode found = existing.json("Bluesky");
            uri = BlueskyAnswers.required(found, "uri", "looking up the post");
            cid = found.path("cid").asText(null);
        } else {
            JsonNode created = answers.created(response);
            uri = created.path("uri").asText();
            cid = created.path("cid").asText(null);
        }
        String owner = credentials.handle() == null || credentials.handle().isBlank() ? credentials.accountId() : credentials.handle();
        return new Published(uri, profileUrl(owner) + "/post/" + uri.substring(uri.lastIndexOf('/') + 1), status, null, cid);
    }

    /** Every attempt of a target writes the same record key, so a repeat cannot post twice. */
    @Override
    public boolean idempotent() {
        return true;
    }

    private String pds(String instanceUrl) {
        return instanceUrl == null || instanceUrl.isBlank() ? defaultPds : base(instanceUrl);
    }

    private static String profileUrl(String handleOrDid) {
        return "https://bsky.app/profile/" + handleOrDid;
    }

    private static String base(String url) {
        String trimmed = url.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
