package com.ailsocialautomation.platform;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What one platform accepts in a post, checked before anything is sent to it. Where the platform's docs say
 * "characters" without saying how they count, UTF-16 units are used: never fewer than what the platform counts,
 * so nothing that passes here is refused there for length.
 *
 * @param textLimit the default text limit, in the platform's own {@code counting}
 * @param byteLimit a second limit in UTF-8 bytes (Bluesky), or 0
 * @param forbidden characters the platform refuses (YouTube: {@code <} and {@code >})
 * @param hashtags  the most #hashtags a post may carry (Instagram: 30), or 0 for no limit
 * @param mentions  the most @mentions a post may carry (Instagram: 20), or 0 for no limit
 * @param options   the per-platform post options it uses (title:, privacy:...)
 * @param threads   whether a post may be a thread there (parts separated by a line holding only {@code ---},
 *                  see {@code message.ThreadParts}), published as a chain of replies; each part meets this rule
 */
public record PostRule(int textLimit, Counting counting, int byteLimit, String forbidden, MediaRule media,
                       int hashtags, int mentions, OptionRule options, boolean threads) {
    private static final java.util.regex.Pattern HASHTAG = java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}_&])#[\\p{L}\\p{N}_]+");
    private static final java.util.regex.Pattern MENTION = java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}_.])@[A-Za-z0-9._]+");

    /** A platform without limits on #hashtags and @mentions that uses no per-platform option. */
    public PostRule(int textLimit, Counting counting, int byteLimit, String forbidden, MediaRule media) {
        this(textLimit, counting, byteLimit, forbidden, media, 0, 0, OptionRule.NONE, false);
    }

    /** This rule with limits on #hashtags and @mentions. */
    public PostRule withTags(int hashtags, int mentions) {
        return new PostRule(textLimit, counting, byteLimit, forbidden, media, hashtags, mentions, options, threads);
    }

    /** The same rule, using these options. */
    public PostRule taking(OptionRule options) {
        return new PostRule(textLimit, counting, byteLimit, forbidden, media, hashtags, mentions, options, threads);
    }

    /** The same rule on a platform where a post may be a thread of replies. */
    public PostRule threading() {
        return new PostRule(textLimit, counting, byteLimit, forbidden, media, hashtags, mentions, options, true);
    }

    /**
     * Every way the post breaks this rule, each a clause naming {@code who} (e.g. "X (@ana)") and what to do.
     *
     * @param lengths the text, counted once per counting for all targets
     * @param media   the facts of its media, in order, as read from AIL's copy
     * @param limit   the text limit for this account: {@link #textLimit} or the account's own (a Mastodon instance's)
     */
    public List<String> problems(TextLengths lengths, List<MediaFacts> media, String who, int limit) {
        List<String> problems = textProblems(lengths, who, limit);
        problems.addAll(this.media.problems(media, who));
        return problems;
    }

    /** What can be known before any media is fetched: the text, and how many media items there are. */
    public List<String> precheck(TextLengths lengths, int mediaCount, String who, int limit) {
        List<String> problems = textProblems(lengths, who, limit);
        problems.addAll(media.countProblems(mediaCount, who));
        return problems;
    }

    /** What is wrong with a text alone (its length, tags, mentions, characters), each a clause naming {@code who}. */
    public List<String> textProblems(TextLengths lengths, String who, int limit) {
        List<String> problems = new ArrayList<>();
        String text = lengths.text();
        int used = lengths.in(counting);
        if (used > limit) {
            problems.add("too long for " + who + ": " + used + "/" + limit + " — shorten by " + (used - limit)
                    + (used - limit == 1 ? " character" : " characters"));
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (byteLimit > 0 && bytes > byteLimit) {
            problems.add("too long for " + who + ": " + bytes + "/" + byteLimit + " bytes — shorten by "
                    + (bytes - byteLimit) + " bytes (accented letters and emoji take 2 to 4 bytes each)");
        }
        long tags = HASHTAG.matcher(text).results().count();
        if (hashtags > 0 && tags > hashtags) {
            problems.add("too many hashtags for " + who + ": " + tags + "/" + hashtags + " — remove " + (tags - hashtags));
        }
        long named = MENTION.matcher(text).results().count();
        if (mentions > 0 && named > mentions) {
            problems.add("too many @mentions for " + who + ": " + named + "/" + mentions + " — remove " + (named - mentions));
        }
        if (forbidden.chars().anyMatch(c -> text.indexOf(c) >= 0)) {
            problems.add(who + " does not allow " + String.join(" or ", forbidden.split("")) + " — remove them");
        }
        return problems;
    }
}
