package com.ailsocialautomation.command;

import com.ailsocialautomation.message.PostOptions;
import com.ailsocialautomation.platform.Counting;
import com.ailsocialautomation.platform.TextLengths;
import com.ailsocialautomation.platform.TweetLinks;

import java.util.List;

/**
 * One target of a post as it will be sent, for the preview: the count of its text in its platform's counting
 * ("271/280 characters"), its own text when it has one ({@code text.x:}), each part of a thread numbered and
 * counted, and how its links count where the platform counts a link as 23 characters (X shortens it to t.co).
 */
final class TargetPreview {
    // a part is shown up to here: a chat message has a size limit and every target repeats its parts
    private static final int SHOWN_CODE_POINTS = 280;
    private static final int LINK_WEIGHT = 23;

    private TargetPreview() {}

    static String of(Shapes shapes, Destination target) {
        List<TextLengths> parts = shapes.parts(target);
        Counting counting = target.platform().rule().counting();
        StringBuilder out = new StringBuilder();
        if (parts.size() == 1) {
            if (shapes.ownText(target)) {
                out.append(PostOptions.textKey(target.platform().platformId())).append(": ")
                        .append(shown(parts.get(0).text())).append('\n');
            }
            out.append(parts.get(0).in(counting)).append('/').append(target.limit()).append(" characters");
        } else {
            out.append("Thread of ").append(parts.size()).append(" parts")
                    .append(shapes.ownText(target) ? " (" + PostOptions.textKey(target.platform().platformId()) + ")" : "");
            for (int i = 0; i < parts.size(); i++) {
                out.append('\n').append(i + 1).append('/').append(parts.size()).append(' ').append(shown(parts.get(i).text()))
                        .append(" — ").append(parts.get(i).in(counting)).append('/').append(target.limit());
            }
        }
        return out + links(shapes.textFor(target), counting);
    }

    private static String links(String text, Counting counting) {
        if (counting != Counting.X_WEIGHTED && counting != Counting.MASTODON) {
            return "";
        }
        int links = TweetLinks.find(text, counting == Counting.X_WEIGHTED).size();
        if (links == 0) {
            return "";
        }
        String each = (links == 1 ? "; its link counts as " : "; each of its " + links + " links counts as ") + LINK_WEIGHT;
        return each + (counting == Counting.X_WEIGHTED ? " (X shortens links to t.co)" : "");
    }

    private static String shown(String text) {
        int codePoints = text.codePointCount(0, text.length());
        return codePoints <= SHOWN_CODE_POINTS ? text
                : text.substring(0, text.offsetByCodePoints(0, SHOWN_CODE_POINTS)) + "…";
    }
}
