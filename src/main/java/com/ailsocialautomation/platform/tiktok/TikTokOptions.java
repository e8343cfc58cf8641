package com.ailsocialautomation.platform.tiktok;

import com.ailsocialautomation.platform.PublishRequest;

/** The person's TikTok choices carried by a post request. */
final class TikTokOptions {
    private TikTokOptions() {}

    static TikTokPost of(PublishRequest request) {
        return new TikTokPost(null, false, false, false, false, false); // TODO(tiktok): read the post's options once they land
    }
}
