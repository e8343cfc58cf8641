package com.ailsocialautomation.message;

/**
 * What a post discloses as commercial content with {@code disclose:} (TikTok's "Your brand": the author promotes
 * their own business; "Branded content": a paid partnership with a third party).
 */
public enum Disclosure implements Worded {
    YOUR_BRAND("your-brand"), BRANDED_CONTENT("branded-content");

    private final String word;

    Disclosure(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @Override
    public String toString() {
        return word;
    }
}
