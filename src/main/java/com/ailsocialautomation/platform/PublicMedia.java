package com.ailsocialautomation.platform;

import java.net.URI;
import java.time.Duration;

/**
 * Public links to a post's media for platforms that fetch media by URL instead of taking an upload (Instagram,
 * Threads). A link is {@code <AIL_PUBLIC_URL>/media/<unguessable token>}; it works until its lifetime passes, it is
 * revoked, or the target it was made for finishes, and answers 404 after that, as for a token never issued.
 */
public interface PublicMedia {
    /** How long a link may live at most, whatever is asked: long enough for a platform to fetch a large video. */
    Duration LONGEST = Duration.ofMinutes(30);

    /**
     * A link at which the platform can fetch {@code item} (a {@link Media} the engine handed the provider) for
     * {@code lifetime}, capped at {@link #LONGEST}. An item AIL holds no copy of (a post accepted before media were
     * copied) is a PERMANENT {@link PlatformError} asking the author to post it again.
     */
    URI grant(Media item, Duration lifetime);

    /** Ends the link now (the platform has fetched the item); an unknown or expired link is ignored. */
    void revoke(URI link);

    /** For servers that serve no media (tests of platforms that take uploads): every grant is refused. */
    PublicMedia NONE = new PublicMedia() {
        @Override
        public URI grant(Media item, Duration lifetime) {
            throw new PlatformError(PlatformError.Kind.PERMANENT, 0, "this AIL server does not serve public media links", null);
        }

        @Override
        public void revoke(URI link) {
        }
    };
}
