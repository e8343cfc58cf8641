package com.ailsocialautomation.platform;

import com.ailsocialautomation.config.Config;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.net.GuardedHttp;
import com.ailsocialautomation.platform.bluesky.BlueskyProvider;
import com.ailsocialautomation.platform.linkedin.LinkedInProvider;
import com.ailsocialautomation.platform.meta.FacebookProvider;
import com.ailsocialautomation.platform.meta.InstagramProvider;
import com.ailsocialautomation.platform.meta.MetaGraph;
import com.ailsocialautomation.platform.mastodon.MastodonProvider;
import com.ailsocialautomation.platform.threads.ThreadsProvider;
import com.ailsocialautomation.platform.tiktok.TikTokProvider;
import com.ailsocialautomation.platform.webhook.WebhookProvider;
import com.ailsocialautomation.platform.x.XProvider;
import com.ailsocialautomation.platform.youtube.YouTubeProvider;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static com.ailsocialautomation.message.PostOption.ALLOW;
import static com.ailsocialautomation.message.PostOption.COMMENT;
import static com.ailsocialautomation.message.PostOption.DISCLOSE;
import static com.ailsocialautomation.message.PostOption.TAGS;
import static com.ailsocialautomation.message.PostOption.TITLE;
import static com.ailsocialautomation.message.Privacy.FOLLOWERS;
import static com.ailsocialautomation.message.Privacy.FRIENDS;
import static com.ailsocialautomation.message.Privacy.PRIVATE;
import static com.ailsocialautomation.message.Privacy.PUBLIC;
import static com.ailsocialautomation.message.Privacy.UNLISTED;
import static com.ailsocialautomation.platform.Platform.Setting.API_URL;
import static com.ailsocialautomation.platform.Platform.Setting.AUTH_URL;
import static com.ailsocialautomation.platform.Platform.Setting.CLIENT;
import static com.ailsocialautomation.platform.Platform.Setting.DAILY_QUOTA;
import static com.ailsocialautomation.platform.Platform.Setting.ORGANIZATIONS;
import static com.ailsocialautomation.platform.Platform.Setting.VERSION;
import static com.ailsocialautomation.platform.Platform.Setting.VIDEO_URL;

/**
 * Every platform AIL knows, declared once: the id people type and accounts store, its name, how an account is
 * connected, the AIL_&lt;ID&gt;_* variables it reads, its post rules (from shared/platforms.md), the hosts its code
 * names and how its provider is built. Connect choices, help, the Discord definition, start-up lines, validation and
 * the privacy list of destinations all derive from here. A platform without a provider is offered nowhere; its
 * rules wait for the provider. Adding a platform: a sub-package with its provider, one entry here, and its fake.
 */
public enum Platform {
    MASTODON(PlatformId.MASTODON, ConnectMethod.OAUTH, Set.of(),
            rule(500, Counting.MASTODON, MediaRules.MASTODON).threading()
                    .taking(OptionRule.of(COMMENT).withPrivacy(PUBLIC, UNLISTED, FOLLOWERS)),
            List.of(), "the Mastodon instance a person connects",
            parts -> new MastodonProvider(new GuardedApiClient(parts.http()))), // an app per instance: no operator settings
    BLUESKY(PlatformId.BLUESKY, ConnectMethod.APP_PASSWORD, Set.of(API_URL, VIDEO_URL),
            new PostRule(300, Counting.GRAPHEMES, 3000, "", MediaRules.BLUESKY).threading().taking(OptionRule.of(COMMENT)),
            List.of(Host.api(BlueskyProvider.DEFAULT_PDS, "the default Bluesky PDS for handles on bsky.social "
                            + "(AIL_BLUESKY_API_URL replaces it), through GuardedHttp"),
                    Host.api(BlueskyProvider.DEFAULT_VIDEO_SERVICE, "Bluesky's video service: video uploads and their "
                            + "processing status (AIL_BLUESKY_VIDEO_URL replaces it), through GuardedHttp"),
                    Host.browser("bsky.app", "links to published Bluesky posts (never called)")),
            "the Bluesky PDS a person's handle lives on",
            parts -> new BlueskyProvider(new GuardedApiClient(parts.http()), parts.app().apiUrl(), parts.app().videoUrl(),
                    parts.clock())),
    WEBHOOK(PlatformId.WEBHOOK, ConnectMethod.URL, Set.of(),
            rule(40_000, Counting.CODE_POINTS, MediaRules.WEBHOOK).taking(OptionRule.of(TITLE, TAGS)), List.of(),
            "the webhook URL a person connects",
            parts -> new WebhookProvider(parts.http(), parts.clock())),
    X(PlatformId.X, ConnectMethod.OAUTH, Set.of(CLIENT, API_URL, AUTH_URL),
            rule(280, Counting.X_WEIGHTED, MediaRules.X).threading().taking(OptionRule.of(COMMENT)),
            List.of(Host.api(XProvider.API_URL, "X API v2: posts, media upload, users/me, OAuth token and revoke "
                            + "(AIL_X_API_URL replaces it)"),
                    Host.browser(XProvider.AUTH_URL, "X's consent page (AIL_X_AUTH_URL replaces it) and links to published posts"),
                    Host.browser("t.co", "X's link shortener, recognised when links are counted as X counts them (never called)")),
            null, parts -> new XProvider(parts.direct(), parts.app().apiUrl(), parts.app().authUrl(), parts.clock())),
    LINKEDIN(PlatformId.LINKEDIN, ConnectMethod.OAUTH, Set.of(CLIENT, API_URL, AUTH_URL, VERSION, ORGANIZATIONS),
            rule(3000, Counting.UTF16_UNITS, MediaRules.LINKEDIN).taking(OptionRule.of(COMMENT)),
            List.of(Host.api(LinkedInProvider.API_URL, "LinkedIn Posts, Images, Videos and userinfo APIs "
                            + "(AIL_LINKEDIN_API_URL replaces it)"),
                    Host.api(LinkedInProvider.AUTH_URL, "LinkedIn's consent page, token and revoke endpoints "
                            + "(AIL_LINKEDIN_AUTH_URL replaces it), post links"),
                    Host.api("*.linkedin.com", "upload addresses LinkedIn hands out for images and videos; "
                            + "others are refused by LinkedInMedia")),
            null, parts -> new LinkedInProvider(parts.direct(), parts.app().apiUrl(), parts.app().authUrl(),
                    parts.app().version(), parts.app().organizations(), parts.clock())),
    // The text becomes the video's description (5000 bytes); title: is its title, else the text's first line.
    YOUTUBE(PlatformId.YOUTUBE, ConnectMethod.OAUTH, Set.of(CLIENT, API_URL, AUTH_URL, DAILY_QUOTA),
            // YouTube counts the description in bytes
            new PostRule(5000, Counting.UTF16_UNITS, 5000, "<>", MediaRules.YOUTUBE)
                    .taking(OptionRule.of(TITLE, TAGS).withPrivacy(PUBLIC, UNLISTED, PRIVATE).byDefault(PRIVATE)),
            List.of(Host.api(YouTubeProvider.API_URL, "YouTube Data API: the channel, resumable video uploads "
                            + "(AIL_YOUTUBE_API_URL replaces it)"),
                    Host.api(YouTubeProvider.TOKEN_URL, "Google's OAuth token and revoke endpoints "
                            + "(AIL_YOUTUBE_AUTH_URL replaces it)"),
                    Host.browser(YouTubeProvider.AUTHORIZE_URL, "Google's consent page (AIL_YOUTUBE_AUTH_URL replaces it)"),
                    Host.browser("www.youtube.com", "links to uploaded videos (never called)")),
            null, parts -> new YouTubeProvider(parts.direct(), parts.app(), parts.clock())),
    // TikTok also takes photo posts, but AIL publishes videos there. AIL_TIKTOK_CLIENT_ID holds TikTok's client key.
    TIKTOK(PlatformId.TIKTOK, ConnectMethod.OAUTH, Set.of(CLIENT, API_URL, AUTH_URL),
            rule(2200, Counting.UTF16_UNITS, MediaRules.TIKTOK)
                    .taking(OptionRule.of(ALLOW, DISCLOSE).withPrivacy(PUBLIC, FRIENDS, FOLLOWERS, PRIVATE)),
            List.of(Host.api(TikTokProvider.API_URL, "TikTok's OAuth token and revoke endpoints, user info, creator info, "
                            + "video upload and publish status (AIL_TIKTOK_API_URL replaces it)"),
                    Host.api("*.tiktokapis.com", "upload addresses TikTok hands out for videos; others are refused by TikTokUpload"),
                    Host.browser(TikTokProvider.AUTH_URL, "TikTok's consent page (AIL_TIKTOK_AUTH_URL replaces it) and links "
                            + "to published videos")),
            null, parts -> new TikTokProvider(parts.direct(), parts.app().apiUrl(), parts.app().authUrl(), parts.clock())),
    // Facebook Pages and Instagram accounts connect through one Meta app: both read AIL_META_*.
    FACEBOOK(PlatformId.FACEBOOK, ConnectMethod.OAUTH, MetaGraph.APP, Set.of(CLIENT, API_URL, AUTH_URL),
            rule(63_206, Counting.UTF16_UNITS, MediaRules.FACEBOOK).taking(OptionRule.of(COMMENT)),
            List.of(Host.api(MetaGraph.API_URL, "Meta's Graph API, for Facebook Pages and Instagram accounts alike: the token "
                            + "exchange, the person's Pages, posts, photos and video uploads, Instagram media containers (Meta "
                            + "fetches their media from AIL's public URL) and publishing, revoking the grant (AIL_META_API_URL replaces it)"),
                    Host.browser(MetaGraph.AUTH_URL, "Meta's login dialog (AIL_META_AUTH_URL replaces it) and links to published Page posts")),
            null, parts -> new FacebookProvider(new MetaGraph(parts.direct(), parts.app(), parts.clock()))),
    INSTAGRAM(PlatformId.INSTAGRAM, ConnectMethod.OAUTH, MetaGraph.APP, Set.of(CLIENT, API_URL, AUTH_URL),
            rule(2200, Counting.UTF16_UNITS, MediaRules.INSTAGRAM).withTags(InstagramProvider.MAX_HASHTAGS, InstagramProvider.MAX_MENTIONS)
                    .taking(OptionRule.of(COMMENT)),
            // its API and login are Facebook's hosts, declared there
            List.of(Host.browser("www.instagram.com", "links to published Instagram posts (never called)")),
            null, parts -> new InstagramProvider(new MetaGraph(parts.direct(), parts.app(), parts.clock()), parts.publicMedia())),
    THREADS(PlatformId.THREADS, ConnectMethod.OAUTH, Set.of(CLIENT, API_URL, AUTH_URL),
            rule(500, Counting.EMOJI_AS_BYTES, MediaRules.THREADS).threading(),
            List.of(Host.api(ThreadsProvider.API_URL, "Threads API: login tokens, profile, media containers (which "
                            + "fetch AIL's public media links), publishing and its limit (AIL_THREADS_API_URL replaces it)"),
                    Host.browser(ThreadsProvider.AUTH_URL, "Threads' authorization window (AIL_THREADS_AUTH_URL replaces it)"),
                    Host.browser(ThreadsProvider.WEB_URL, "links to Threads profiles and published posts (never called)")),
            null, parts -> new ThreadsProvider(parts.direct(), parts.app().apiUrl(), parts.app().authUrl(), parts.clock(),
                    parts.publicMedia()));

    /** Which AIL_&lt;ID&gt;_* variables a platform reads. */
    public enum Setting {
        /** _CLIENT_ID and _CLIENT_SECRET: the operator's OAuth app; without them the platform is off. */
        CLIENT,
        /** _API_URL: the API base (tests point it at a fake). */
        API_URL,
        /** _AUTH_URL: the consent page's base. */
        AUTH_URL,
        /** _VERSION: the API version as YYYYMM. */
        VERSION,
        /** _VIDEO_URL: the base of a separate video service (Bluesky's video.bsky.app). */
        VIDEO_URL,
        /** _DAILY_QUOTA: the uploads per day the operator's project may make (YouTube's videos.insert bucket). */
        DAILY_QUOTA,
        /**
         * _ORGANIZATIONS: true to also offer the organizations (company Pages) a person administers, which needs the
         * platform's approval of the operator's app (LinkedIn's Community Management API); false or unset: the person's
         * own profile only.
         */
        ORGANIZATIONS
    }

    /** What a provider is built from; {@code publicMedia} makes links for platforms that fetch media by URL. */
    public record Parts(PlatformApp app, GuardedHttp http, DirectApiClient direct, Clock clock, PublicMedia publicMedia) {}

    private final String app;
    private final PlatformId platformId;
    private final ConnectMethod connectMethod;
    private final Set<Setting> settings;
    private final PostRule rule;
    private final List<Host> hosts;
    private final String chosenByPeople;
    private final Function<Parts, Provider> provider;

    Platform(PlatformId platformId, ConnectMethod connectMethod, Set<Setting> settings, PostRule rule,
             List<Host> hosts, String chosenByPeople, Function<Parts, Provider> provider) {
        this(platformId, connectMethod, null, settings, rule, hosts, chosenByPeople, provider);
    }

    /** {@code app}: the name of an operator app several platforms share (META: AIL_META_*); null: the platform's own. */
    Platform(PlatformId platformId, ConnectMethod connectMethod, String app, Set<Setting> settings, PostRule rule,
             List<Host> hosts, String chosenByPeople, Function<Parts, Provider> provider) {
        this.app = app;
        this.platformId = platformId;
        this.connectMethod = connectMethod;
        this.settings = settings;
        this.rule = rule;
        this.hosts = hosts;
        this.chosenByPeople = chosenByPeople;
        this.provider = provider;
    }

    /** The id people type and accounts store, as the store keeps it. */
    public PlatformId platformId() {
        return platformId;
    }

    /** The id people type and accounts store: mastodon, bluesky, webhook, x, linkedin... */
    public String id() {
        return platformId.id();
    }

    /** How people call it: "X", "LinkedIn". */
    public String displayName() {
        return platformId.displayName();
    }

    public ConnectMethod connectMethod() {
        return connectMethod;
    }

    public PostRule rule() {
        return rule;
    }

    /** Hosts its code names, for the privacy list of destinations. */
    public List<Host> hosts() {
        return hosts;
    }

    /** The kind of host people choose for this platform (reached through the URL guard), if any. */
    public Optional<String> chosenByPeople() {
        return Optional.ofNullable(chosenByPeople);
    }

    /**
     * Whether the platform fetches a post's media from a URL AIL gives it instead of taking an upload, so AIL must
     * serve them at its public URL (see {@link PublicMedia}).
     */
    public boolean fetchesMediaByUrl() {
        return this == INSTAGRAM || this == THREADS;
    }

    /**
     * Whether the platform refuses a text identical to one the account already published (X's "duplicate content",
     * Facebook's duplicate status): a series repeating one text would fail there from its second time on.
     */
    public boolean refusesRepeatedText() {
        return this == X || this == FACEBOOK;
    }

    /**
     * How fast AIL publishes to one account here, from the platform's per-account limits: Mastodon's statuses (300 in
     * 3 hours), X's POST /2/tweets (100 in 15 minutes per user), Bluesky's record creates (1,666 an hour, 11,666 a
     * day), LinkedIn's posts per member (about 150 a day). Each thread part and first comment counts as a post. Empty
     * where the platform reports its own allowance before each post (Instagram, Threads: a post held then waits, see
     * Provider), where the limit is the operator's project's (YouTube, see DailyAllowance), or where none is known.
     */
    public Optional<PublishPace> publishPace() {
        return Optional.ofNullable(switch (this) {
            case MASTODON -> PublishPace.of(300, Duration.ofHours(3));
            case X -> PublishPace.of(100, Duration.ofMinutes(15));
            case BLUESKY -> PublishPace.of(1_666, Duration.ofHours(1)).and(11_666, Duration.ofDays(1));
            case LINKEDIN -> PublishPace.of(150, Duration.ofDays(1));
            default -> null;
        });
    }

    /**
     * How fast AIL uploads media to one account here, where the platform limits uploads apart from posts: Mastodon's
     * {@code POST /api/v2/media}, 30 in 30 minutes. Each item of a post is one upload. Empty elsewhere.
     */
    public Optional<PublishPace> mediaPace() {
        return Optional.ofNullable(this == MASTODON ? PublishPace.of(30, Duration.ofMinutes(30)) : null);
    }

    /** Whether AIL can publish here: only these are offered to connect. */
    public boolean hasProvider() {
        return provider != null;
    }

    public boolean reads(Setting setting) {
        return settings.contains(setting);
    }

    /**
     * The environment variable for one of its settings: AIL_X_CLIENT_ID; for platforms that share an operator app,
     * the app's (AIL_META_CLIENT_ID for Facebook and Instagram), so one value serves them all.
     */
    public String variable(String suffix) {
        return "AIL_" + appName() + "_" + suffix;
    }

    /** The name of the operator app it reads (META for Facebook and Instagram; its own id, upper case, otherwise). */
    public String appName() {
        return app != null ? app : id().toUpperCase(java.util.Locale.ROOT);
    }

    /** The platforms that read the same operator app as this one, itself included. */
    public List<Platform> sharingItsApp() {
        return app == null ? List.of(this) : Arrays.stream(values()).filter(p -> app.equals(p.app)).toList();
    }

    /** Its settings from the configuration; a bad value is a ConfigError naming the variable. */
    public PlatformApp app(Config config) {
        return PlatformApp.read(this, config);
    }

    /**
     * Why the platform is off with this configuration, as a start-up line; empty when it is on. Platforms without a
     * provider are not mentioned: there is nothing to turn on.
     */
    public Optional<String> whyOff(PlatformApp app) {
        if (!hasProvider() || !reads(Setting.CLIENT) || app.hasCredentials()) {
            return Optional.empty();
        }
        return Optional.of(id() + ": off (set " + variable("CLIENT_ID") + " and " + variable("CLIENT_SECRET") + ")");
    }

    /** Its provider when it has one and is on with these settings. */
    Optional<Provider> provider(Parts parts) {
        return hasProvider() && whyOff(parts.app()).isEmpty() ? Optional.of(provider.apply(parts)) : Optional.empty();
    }

    /** The platforms AIL can publish to, in declaration order. */
    public static List<Platform> withProvider() {
        return Arrays.stream(values()).filter(Platform::hasProvider).toList();
    }

    /** The largest file any of these platforms takes: a download for them can stop there. */
    public static long largestFile(java.util.Collection<Platform> platforms) {
        return platforms.stream().mapToLong(p -> p.rule.media().maxBytes()).max().orElse(0);
    }

    /** The most media one post may carry on any platform AIL publishes to. */
    public static int mostMedia() {
        return withProvider().stream().mapToInt(p -> p.rule.media().maxItems()).max().orElseThrow();
    }

    /** The platforms that use a per-platform option, in declaration order (with a provider or waiting for one). */
    public static List<Platform> using(com.ailsocialautomation.message.PostOption option) {
        return Arrays.stream(values()).filter(p -> p.rule.options().uses(option)).toList();
    }

    /** The platform with this id in any case, if AIL knows it. */
    public static Optional<Platform> find(String id) {
        return PlatformId.find(id).map(Platform::of);
    }

    /** The platform a stored id names; an unknown one is a bug (ids come from this enum), not the user's doing. */
    public static Platform of(String id) {
        return of(PlatformId.of(id));
    }

    /** The declaration of a platform the store names. */
    public static Platform of(PlatformId id) {
        return valueOf(id.name());
    }

    /** The id, so that messages read "Run /ail connect x". */
    @Override
    public String toString() {
        return id();
    }

    private static PostRule rule(int textLimit, Counting counting, MediaRule media) {
        return new PostRule(textLimit, counting, 0, "", media);
    }
}
