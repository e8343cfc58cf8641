package com.ailsocialautomation.command;

import com.ailsocialautomation.message.PostOption;
import com.ailsocialautomation.message.PostOptions;
import com.ailsocialautomation.message.Privacy;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.platform.OptionRule;

import com.ailsocialautomation.schedule.Times;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a post will look like, where it goes and when: the reply to an accepted post or schedule, a draft, an
 * approver's request. Each target is shown as it will be sent ({@link TargetPreview}): its own text or its thread's
 * parts, counted as its platform counts.
 */
public final class Preview {
    // Chat messages have size limits (a Slack section takes 3000 characters); the full text stays in the post.
    private static final int SHOWN_CODE_POINTS = 1500;

    private Preview() {}

    /**
     * @param text    the post text, as validated
     * @param targets where it goes
     * @param when    when it is published; null for now
     * @param zone    the user's zone, for showing {@code when}
     * @param late    true when {@code when} has already passed (a time within the grace, a retry), so it goes out
     *                now rather than at that time
     */
    public static Reply of(String text, List<Destination> targets, Instant when, ZoneId zone, boolean late) {
        return of(text, PostOptions.NONE, targets, when, zone, late);
    }

    /** The same, with the post's per-platform options and which targets use each. */
    public static Reply of(String text, PostOptions options, List<Destination> targets, Instant when, ZoneId zone,
                           boolean late) {
        String where = targets.stream().map(Destination::who)
                .collect(Collectors.joining(", "));
        String headline;
        if (when == null) {
            headline = "*Publishing now* to " + where;
        } else if (late) {
            headline = "*Publishing now* to " + where + "; it was due " + Times.format(when, zone);
        } else {
            headline = "*Scheduled* for " + Times.format(when, zone) + " to " + where;
        }
        Shapes shapes = new Shapes(text, options);
        int parts = targets.stream().mapToInt(t -> shapes.parts(t).size()).max().orElse(1);
        if (parts > 1) {
            headline += " · thread of " + parts + " parts";
        }
        Reply reply = Reply.of(headline + "\n\n" + shown(text == null ? "" : text));
        for (Destination target : targets) {
            reply = reply.withField(target.who(), TargetPreview.of(shapes, target));
        }
        if (options.comment() != null) {
            reply = reply.withField("First comment", shown(options.comment()) + "\n(on " + targets.stream()
                    .filter(t -> t.platform().rule().options().uses(PostOption.COMMENT)).map(Destination::who)
                    .collect(Collectors.joining(", ")) + ")");
        }
        String shownOptions = PostOptionInput.shown(options, targets);
        if (!shownOptions.isEmpty()) {
            reply = reply.withField("Options", shownOptions);
        }
        String defaults = options.privacy() != null ? "" : targets.stream()
                .filter(t -> t.platform().rule().options().privacyByDefault() != null)
                .map(t -> t.who() + ": " + byDefault(t.platform().rule().options())).collect(Collectors.joining("\n"));
        if (!defaults.isEmpty()) {
            reply = reply.withField("Privacy", defaults);
        }
        return reply.withField("When", when == null ? "now" : Times.format(when, zone));
    }

    /** "private, AIL's default; privacy:public or privacy:unlisted changes it" */
    private static String byDefault(OptionRule rule) {
        return rule.privacyByDefault().word() + ", AIL's default; privacy:" + rule.privacy().stream()
                .filter(p -> p != rule.privacyByDefault()).map(Privacy::word).collect(Collectors.joining(" or privacy:"))
                + " changes it";
    }

    private static String shown(String text) {
        int codePoints = text.codePointCount(0, text.length());
        if (codePoints <= SHOWN_CODE_POINTS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, SHOWN_CODE_POINTS))
                + "… (" + (codePoints - SHOWN_CODE_POINTS) + " more characters)";
    }
}
