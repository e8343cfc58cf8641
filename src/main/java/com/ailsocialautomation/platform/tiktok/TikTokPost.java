package com.ailsocialautomation.platform.tiktok;

/**
 * What the person chose for a TikTok post: the privacy level (null: not chosen, which TikTok does not allow), the
 * interactions they turn off, and the commercial content disclosure ("your brand": promoting yourself; "branded
 * content": a paid partnership with a third party).
 */
record TikTokPost(TikTokPrivacy privacy, boolean commentsOff, boolean duetOff, boolean stitchOff,
                  boolean yourBrand, boolean brandedContent) {

    /**
     * TikTok's required disclosure wording for what the post declares, shown to the person before it is accepted: the
     * label TikTok puts on a commercial post, and the declaration every post makes.
     */
    String disclosure() {
        String label = brandedContent ? "Your video will be labeled as \"Paid partnership\". "
                : yourBrand ? "Your video will be labeled as \"Promotional content\". " : "";
        String agreement = brandedContent ? "By posting, you agree to TikTok's Branded Content Policy and Music Usage Confirmation."
                : "By posting, you agree to TikTok's Music Usage Confirmation.";
        return label + agreement;
    }
}
