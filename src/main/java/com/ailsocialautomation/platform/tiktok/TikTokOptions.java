package com.ailsocialautomation.platform.tiktok;

import com.ailsocialautomation.message.Disclosure;
import com.ailsocialautomation.message.Interaction;
import com.ailsocialautomation.message.PostOptions;
import com.ailsocialautomation.platform.PublishRequest;

/**
 * The person's TikTok choices as a post's options carry them: {@code privacy:} (no default), {@code allow:} turning
 * comments, duets and stitches on (TikTok wants them off unless the creator turns them on), {@code disclose:}.
 */
final class TikTokOptions {
    private TikTokOptions() {}

    static TikTokPost of(PublishRequest request) {
        PostOptions options = request.options();
        return new TikTokPost(TikTokPrivacy.of(options.privacy()), !options.allow().contains(Interaction.COMMENTS),
                !options.allow().contains(Interaction.DUET), !options.allow().contains(Interaction.STITCH),
                options.disclose().contains(Disclosure.YOUR_BRAND), options.disclose().contains(Disclosure.BRANDED_CONTENT));
    }
}
