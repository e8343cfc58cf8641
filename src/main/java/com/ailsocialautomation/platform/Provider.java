package com.ailsocialautomation.platform;

import com.ailsocialautomation.config.Secret;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One social platform's API. A provider speaks HTTP and JSON but never touches the database: the engine and the
 * OAuth routes hand it decrypted {@link Credentials} and store what it returns. Every failure is a
 * {@link PlatformError} whose kind tells the engine what to do (retry, wait, refresh, or give up).
 * Base URLs come from configuration so tests run against loopback fakes.
 */
public interface Provider {

    /** The platform this provider speaks to; its declaration says how accounts connect and what a post may hold. */
    Platform platform();

    /**
     * True when a repeated publish with the same idempotency key cannot post twice (Mastodon's Idempotency-Key),
     * so the engine may retry a target whose first attempt's outcome is unknown.
     */
    default boolean idempotent() {
        return false;
    }

    /**
     * How many publishes to this platform one instance runs at once. The engine keeps many publishes in flight so
     * that slow answers overlap; a platform's rate limits were met when an instance ran 8 at a time, and are never
     * asked to take more because AIL got faster: a target beyond this waits for its turn. 0: no cap.
     */
    default int maxInFlight() {
        return 8;
    }

    /**
     * How fast one account may be published to (its platform's {@link Platform#publishPace()}); null: no per-account
     * pace. The engine keeps it for every instance in the database, and a target whose turn has not come waits.
     */
    default PublishPace accountPace() {
        return platform().publishPace().orElse(null);
    }

    /**
     * How fast media may be uploaded to one account (its platform's {@link Platform#mediaPace()}), kept as
     * {@link #accountPace()} is; null: uploads count only as part of their post.
     */
    default PublishPace mediaPace() {
        return uploadsMedia() ? platform().mediaPace().orElse(null) : null;
    }

    /**
     * How long the platform remembers an idempotency key, for idempotent providers; null when a repeat finds the
     * first post however late it comes (Bluesky's record key).
     */
    default Duration idempotencyWindow() {
        return null;
    }

    /**
     * The account's own text limit where its server sets one (Mastodon reads its instance's max_characters); null
     * where the platform's {@link PostRule#textLimit()} applies.
     */
    default Integer textLimit(Credentials credentials) {
        return null;
    }

    /**
     * The server the account lives on, from what the person typed after {@code connect <platform>} (Mastodon:
     * "fosstodon.org" gives "https://fosstodon.org"); null for platforms on one host. A missing or malformed
     * argument is a UserError. The caller still puts the URL through the URL guard.
     */
    default String instanceUrl(String argument) {
        return null;
    }

    /**
     * Registers an OAuth client at the account's own server, for platforms where each server has its own clients
     * (Mastodon registers one app per instance, which the caller stores and reuses); null where the operator's
     * configured app is used.
     */
    default ClientApp registerApp(String instanceUrl, String redirectUri) {
        return null;
    }

    /** The browser authorize URL (OAuth providers). */
    default URI authorizeUrl(AuthorizeRequest request) {
        throw new UnsupportedOperationException(platform() + " does not connect through OAuth");
    }

    /** Exchanges an authorization code (with its PKCE verifier) for tokens. */
    default TokenSet exchangeCode(CodeExchange exchange) {
        throw new UnsupportedOperationException(platform() + " does not connect through OAuth");
    }

    /** Logs in with a handle and an app password (Bluesky); the password is used once and never stored. */
    default Connected logIn(String instanceUrl, String identifier, Secret appPassword) {
        throw new UnsupportedOperationException(platform() + " does not connect with an app password");
    }

    /** New tokens from the refresh token. Providers whose tokens do not expire return the credentials' own. */
    default TokenSet refresh(Credentials credentials) {
        throw new PlatformError(PlatformError.Kind.AUTH_EXPIRED, 0, platform() + " tokens cannot be refreshed; reconnect the account", null);
    }

    /**
     * How long before its access token expires a refreshable account is renewed: shortly before for tokens that live
     * hours (X), weeks before for tokens that renew themselves and die unused (Threads' 60 days), so that an
     * account nobody posts to for a while stays connected (the engine's token renewal job).
     */
    default Duration renewBefore() {
        return Duration.ofMinutes(5);
    }

    /** Revokes the token at the platform, where it offers that. */
    default void revoke(Credentials credentials) {
    }

    /** Whether {@link #revoke} does anything. */
    default boolean canRevoke() {
        return false;
    }

    /** The account behind the credentials. */
    Profile profile(Credentials credentials);

    /**
     * The accounts this connection can act for besides the person's own profile, for the person to choose from
     * after the consent page (Pages, linked Instagram accounts, organizations). Empty for most platforms: the
     * profile is the one account, connected at once. A platform where posting as the person is not possible
     * answers {@link #ownProfileIsAChoice()} false.
     */
    default java.util.List<AccountChoice> choices(Credentials credentials) {
        return java.util.List.of();
    }

    /**
     * {@link #choices} with a line for the person when some could not be offered (LinkedIn without access to the
     * organizations: the profile alone is connected, and the person is told why). Providers with such a case override
     * this and let {@link #choices} return its accounts.
     */
    default Choices offer(Credentials credentials) {
        return new Choices(choices(credentials), null);
    }

    /**
     * Whether disconnecting one account chosen through a sign-in ends every account of that sign-in (the sign-in is
     * given back: Meta's Pages hold tokens derived from it), rather than leaving the others posting through it.
     */
    default boolean sharedGrantEndsTogether() {
        return true;
    }

    /** Whether the person's own profile is connectable beside {@link #choices} (false on Facebook and Instagram). */
    default boolean ownProfileIsAChoice() {
        return true;
    }

    /**
     * Uploads one media item, reading it with {@link Media#open()} in parts (never {@link Media#bytes()} for a video);
     * the engine asks {@link #mediaStatus} on later runs until it is ready. A refusal is PERMANENT in the platform's
     * own words.
     */
    default MediaRef uploadMedia(Credentials credentials, Media media) {
        throw new PlatformError(PlatformError.Kind.PERMANENT, 0, platform() + " does not take media uploads", null);
    }

    /**
     * Uploads one media item of {@code post} (whose {@code media} are still empty): for platforms whose upload
     * carries the post's own metadata, such as YouTube's video resource, so that the upload is the post. Others
     * take {@link #uploadMedia(Credentials, Media)}, which this calls by default.
     */
    default MediaRef uploadMedia(Credentials credentials, Media media, PublishRequest post) {
        return uploadMedia(credentials, media);
    }

    /**
     * What of {@code post} an upload carries besides the item itself (YouTube's title, description and privacy), as
     * text: when it changes (the post was edited while its upload was under way), the engine uploads the item anew
     * rather than finish an upload with the old words. Empty for platforms whose uploads carry only the item.
     */
    default String uploadCarries(PublishRequest post) {
        return "";
    }

    /**
     * The operator's daily allowance at the platform that each new upload draws one from (YouTube's videos.insert
     * bucket); null where there is none. The engine counts it in the database for every instance and holds a post
     * that would go over it until the allowance resets, instead of failing it.
     */
    default DailyAllowance uploadAllowance() {
        return null;
    }

    /**
     * True where finishing the media upload is what publishes (TikTok's direct post): the engine counts the upload as
     * the post request (a lost answer or a crash there may have posted, so it is never repeated blindly), keeps the
     * target publishing while {@link #mediaStatus} says the platform is still processing, and then calls
     * {@link #publish}, which only reads what the processing gave.
     */
    default boolean postsOnUpload() {
        return false;
    }

    /**
     * Asks the platform, while the person waits for the command's answer, whether this account may post {@code post}
     * (its media not uploaded, their facts in {@code media}) as it stands: TikTok's creator_info decides the privacy
     * levels and video length an account may use at that moment. {@code credentials} are fetched only when called.
     * Most platforms have nothing to ask: {@link Vetting#OK}. A platform that cannot be asked throws its PlatformError.
     */
    default Vetting vet(java.util.function.Supplier<Credentials> credentials, PublishRequest post, List<MediaFacts> media) {
        return Vetting.OK;
    }

    /** Whether an uploaded item is ready, still processing, or failed (the latter as a PlatformError). */
    default MediaRef mediaStatus(Credentials credentials, MediaRef media) {
        return media;
    }

    /**
     * {@link #mediaStatus(Credentials, MediaRef)} with the item itself at hand, for an upload that a later run
     * finishes (YouTube's resumable session continues from the byte the platform has). The engine calls this one.
     */
    default MediaRef mediaStatus(Credentials credentials, MediaRef ref, Media media) {
        return mediaStatus(credentials, ref);
    }

    /**
     * Publishes text with media already uploaded (or, for the webhook, the original media URLs); when the request
     * has a {@link PublishRequest#replyTo()}, as a reply to it (platforms that thread only).
     */
    Published publish(Credentials credentials, PublishRequest request);

    /**
     * Publishes {@code comment} (its text the first comment, without media; see {@link PublishRequest#part}) under the
     * post {@code on}, once that post is live. Where the platform threads ({@link PostRule#threads()}), a first
     * comment is a reply of the account's own; platforms with comments of their own (LinkedIn, Facebook, Instagram)
     * override this. The engine asks only platforms whose {@link OptionRule} takes comment:; others refuse.
     */
    default Published comment(Credentials credentials, PublishRequest comment, ReplyTo on) {
        if (!platform().rule().threads()) {
            throw new PlatformError(PlatformError.Kind.PERMANENT, 0, platform().displayName() + " takes no comments", null);
        }
        return publish(credentials, new PublishRequest(comment.postId(), comment.text(), List.of(), List.of(),
                comment.idempotencyKey(), comment.scheduledAt(), comment.options(), on));
    }

    /**
     * How long an uploaded item stays usable at the platform before a post must attach it; the engine uploads again
     * after that rather than attach an id the platform may have dropped.
     */
    default Duration uploadKeptFor() {
        return Duration.ofHours(1);
    }

    /** Whether the engine should download media and call {@link #uploadMedia}; false: pass URLs through. */
    default boolean uploadsMedia() {
        return true;
    }

    /** Convenience for providers: the media references as a list of ids. */
    static List<String> ids(List<MediaRef> refs) {
        return refs.stream().map(MediaRef::id).toList();
    }
}
