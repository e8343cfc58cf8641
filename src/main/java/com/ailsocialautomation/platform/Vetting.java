package com.ailsocialautomation.platform;

/**
 * What a platform said when asked, before a post was accepted, whether the account may post it now: a refusal in
 * words that say what to change, or null; and what the person must see before posting (TikTok's disclosure
 * wording), or null.
 */
public record Vetting(String refusal, String notice) {
    public static final Vetting OK = new Vetting(null, null);

    public static Vetting refused(String refusal) {
        return new Vetting(refusal, null);
    }

    public static Vetting notice(String notice) {
        return new Vetting(null, notice);
    }
}
