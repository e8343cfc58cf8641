package com.ailsocialautomation.command;

import com.ailsocialautomation.platform.MediaKind;
import com.ailsocialautomation.UserError;
import com.ailsocialautomation.platform.TextLengths;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a post against every target's rules before it is accepted, so nothing is half-published: text length as
 * each platform counts it, media count and kind (by the link's extension), and what a platform requires.
 */
public final class PostValidator {
    private PostValidator() {}

    /**
     * Returns quietly when every target takes the post; otherwise throws one UserError whose single line names every
     * failing target, by how much it fails and what to do, e.g.
     * {@code Too long for X (@ana): 291/280 — shorten by 11 characters, or leave it out with to:}.
     *
     * @param text    the post text ("" or null for none)
     * @param media   media links in order (null for none)
     * @param targets where it goes
     */
    public static void check(String text, List<String> media, List<Destination> targets) {
        InputLimits.checkLength(text);
        String body = text == null ? "" : text;
        List<String> links = media == null ? List.of() : media;
        if (body.isBlank() && links.isEmpty()) {
            throw new UserError("Nothing to post: add some text, or an image or video with media:<url>.");
        }
        if (targets == null || targets.isEmpty()) {
            throw new UserError("No account to post to: name one with to:, "
                    + "or connect one with /ail connect <platform>.");
        }
        List<MediaKind> kinds = links.stream().map(MediaLinks::kind).toList();
        List<String> problems = new ArrayList<>();
        int failing = 0;
        TextLengths lengths = new TextLengths(body);
        for (Destination target : targets) {
            List<String> found = target.platform().rule().problems(lengths, kinds, target.who(), target.limit());
            failing += found.isEmpty() ? 0 : 1;
            problems.addAll(found);
        }
        if (!problems.isEmpty()) {
            String all = String.join("; ", problems)
                    + (failing == 1 ? ", or leave it out with to:" : "; or leave those accounts out with to:");
            throw new UserError(Character.toUpperCase(all.charAt(0)) + all.substring(1));
        }
    }
}
