package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.platform.MediaFacts;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.message.PostOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Checks a post against every target's rules before it is accepted, so nothing is half-published. Twice: {@link
 * #precheck} before any media is fetched (the text as each platform counts it, how many media items, what a
 * platform requires, the links' shape), then {@link #check} against the facts read from AIL's copy of the media
 * (type, size, frame, aspect ratio and length per platform). The format comes from the bytes, never a link's
 * extension. Each target is checked on the text it publishes ({@link Shapes}): its own, part by part in a thread.
 */
public final class PostValidator {
    private PostValidator() {}

    /**
     * What can be refused before anything is fetched. Returns quietly when every target can take the post; otherwise
     * throws one UserError whose single line names every failing target, by how much it fails and what to do, e.g.
     * {@code Too long for X (@ana): 291/280 — shorten by 11 characters, or leave it out with to:}.
     *
     * @param text    the post text ("" or null for none)
     * @param links   media:&lt;url&gt; links in order (null for none)
     * @param files   how many files came with the command (chat attachments, local files)
     * @param targets where it goes
     */
    public static void precheck(String text, List<String> links, int files, List<Destination> targets) {
        precheck(text, PostOptions.NONE, links, files, targets);
    }

    /**
     * The same, each target's text being its own ({@code text.x:}) when the post has one, and a thread's parts
     * checked one by one (a part too long is named by its number).
     */
    public static void precheck(String text, PostOptions options, List<String> links, int files, List<Destination> targets) {
        List<String> urls = links == null ? List.of() : links;
        urls.forEach(MediaLinks::check);
        int count = urls.size() + files;
        Shapes shapes = new Shapes(start(text, count, targets), options);
        refuse(targets, t -> with(shapes.textProblems(t), t.platform().rule().media().countProblems(count, t.who())));
    }

    /**
     * Everything, with the media's facts as read from AIL's copy: one UserError naming every target that cannot
     * take the post and why ("Bluesky (@ana): the video is 3 min 10 s, at most 3 min").
     *
     * @param media the facts of the post's media in order (null for none)
     */
    public static void check(String text, List<MediaFacts> media, List<Destination> targets) {
        check(text, PostOptions.NONE, media, targets);
    }

    /** The same, with each target's own text and thread parts, as {@link #precheck(String, PostOptions, List, int, List)}. */
    public static void check(String text, PostOptions options, List<MediaFacts> media, List<Destination> targets) {
        List<MediaFacts> items = media == null ? List.of() : media;
        Shapes shapes = new Shapes(start(text, items.size(), targets), options);
        refuse(targets, t -> with(shapes.textProblems(t), t.platform().rule().media().problems(items, t.who())));
    }

    /** The largest file any of these targets takes: a download for this post can stop there. */
    public static long maxBytes(List<Destination> targets) {
        return Platform.largestFile(targets.stream().map(Destination::platform).toList());
    }

    private static String start(String text, int media, List<Destination> targets) {
        InputLimits.checkLength(text);
        String body = text == null ? "" : text;
        if (body.isBlank() && media == 0) {
            throw new UserError("Nothing to post: add some text, or an image or video with media:<url>.");
        }
        if (targets == null || targets.isEmpty()) {
            throw new UserError("No account to post to: name one with to:, "
                    + "or connect one with /ail connect <platform>.");
        }
        return body;
    }

    private static List<String> with(List<String> text, List<String> media) {
        List<String> all = new ArrayList<>(text);
        all.addAll(media);
        return all;
    }

    private static void refuse(List<Destination> targets, Function<Destination, List<String>> rule) {
        List<String> problems = new ArrayList<>();
        int failing = 0;
        for (Destination target : targets) {
            List<String> found = rule.apply(target);
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
