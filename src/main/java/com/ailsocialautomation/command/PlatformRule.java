package com.ailsocialautomation.command;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What one platform accepts in a post, before anything is sent to it.
 *
 * @param platform  the id used in {@link Destination#platform()}
 * @param name      how people call it: "X", "LinkedIn"
 * @param textLimit the default text limit, in the platform's own {@code counting}
 * @param byteLimit a second limit in UTF-8 bytes (Bluesky), or 0
 * @param forbidden characters the platform refuses (YouTube: {@code <} and {@code >})
 */
record PlatformRule(String platform, String name, int textLimit, Counting counting, int byteLimit, String forbidden,
                    MediaRule media) {

    int limit(Destination target) {
        return target.textLimitOverride() == null ? textLimit : target.textLimitOverride();
    }

    String who(Destination target) {
        return target.label() == null || target.label().isBlank() ? name : name + " (" + target.label() + ")";
    }

    List<String> problems(String text, List<MediaKind> kinds, Destination target) {
        List<String> problems = new ArrayList<>();
        String who = who(target);
        int used = counting.count(text);
        int limit = limit(target);
        if (used > limit) {
            problems.add("too long for " + who + ": " + used + "/" + limit + " — shorten by " + (used - limit)
                    + (used - limit == 1 ? " character" : " characters"));
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (byteLimit > 0 && bytes > byteLimit) {
            problems.add("too long for " + who + ": " + bytes + "/" + byteLimit + " bytes — shorten by "
                    + (bytes - byteLimit) + " bytes (accented letters and emoji take 2 to 4 bytes each)");
        }
        if (forbidden.chars().anyMatch(c -> text.indexOf(c) >= 0)) {
            problems.add(who + " does not allow " + String.join(" or ", forbidden.split("")) + " — remove them");
        }
        problems.addAll(media.problems(kinds, who));
        return problems;
    }
}
