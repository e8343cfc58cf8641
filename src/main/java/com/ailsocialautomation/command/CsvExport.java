package com.ailsocialautomation.command;

import com.ailsocialautomation.media.MediaStore;
import com.ailsocialautomation.media.StoredMedia;
import com.ailsocialautomation.message.PostOption;
import com.ailsocialautomation.message.PostOptions;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.PostFilter;
import com.ailsocialautomation.store.Posts;
import com.ailsocialautomation.store.Target;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code /ail export [upcoming|all]}: the workspace's posts (those /ail list shows) as the CSV /ail import takes,
 * handed over as a file the way my-data's export is. A time is written with its offset in the person's zone, the
 * accounts by short id, media by the link they were copied from; a file given in the chat has no link to write,
 * and the reply says how many were left out.
 */
public final class CsvExport {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mmxxx");

    private final Posts posts;
    private final Accounts accounts;
    private final MediaStore media;
    private final Clock clock;

    public CsvExport(Posts posts, Accounts accounts, MediaStore media, Clock clock) {
        this.posts = posts;
        this.accounts = accounts;
        this.media = media;
        this.clock = clock;
    }

    Reply export(Caller caller, boolean upcoming) {
        List<Post> found = posts.list(caller.workspaceId(), upcoming ? PostFilter.UPCOMING : PostFilter.RECENT, null,
                CsvPosts.MAX_ROWS);
        List<CsvPosts.Row> rows = new ArrayList<>();
        int files = 0;
        for (Post post : found) {
            List<String> links = new ArrayList<>();
            List<String> alts = new ArrayList<>();
            for (StoredMedia item : media.of(caller.workspaceId(), post.id())) {
                if (item.sourceUrl() == null) {
                    files++;
                    continue;
                }
                links.add(item.sourceUrl());
                alts.add(item.altText() == null ? "" : item.altText().replaceAll("\\R", " "));
            }
            while (!alts.isEmpty() && alts.get(alts.size() - 1).isEmpty()) {
                alts.remove(alts.size() - 1);
            }
            links.addAll(post.mediaUrls()); // links of a post from before AIL copied media
            rows.add(new CsvPosts.Row(rows.size() + 2, WHEN.format(OffsetDateTime.ofInstant(post.scheduledAt(), caller.zone())),
                    to(caller, post), post.text(), links, alts, options(post.options())));
        }
        String which = upcoming ? "upcoming" : "all";
        String name = "ail-posts-" + which + "-" + LocalDate.now(clock.withZone(caller.zone())) + ".csv";
        String left = files == 0 ? "" : " " + ImportCommands.count(files, "file") + " given in the chat "
                + (files == 1 ? "has" : "have") + " no link and " + (files == 1 ? "is" : "are") + " not in it.";
        return Reply.of((found.isEmpty() ? "No " + (upcoming ? "upcoming " : "") + "posts to export; the file holds only the header."
                : "Here " + (found.size() == 1 ? "is " : "are ") + ImportCommands.count(found.size(), (upcoming ? "upcoming " : "") + "post")
                + " as CSV (times in " + caller.zone().getId() + "); /ail import takes the file back." + left))
                .withFile(new Reply.File(name, "text/csv", CsvPosts.write(rows)));
    }

    private String to(Caller caller, Post post) {
        return String.join(",", post.targets().stream().map(Target::accountId).filter(Objects::nonNull).distinct()
                .map(id -> accounts.find(caller.workspaceId(), id).map(Account::shortId).orElse(null))
                .filter(Objects::nonNull).toList());
    }

    /**
     * The options as typed after /ail schedule: title:"Spring release" privacy:unlisted comment:"..." text.x:"...",
     * each platform's own text included, so an import recreates them.
     */
    static String options(PostOptions options) {
        List<String> typed = new ArrayList<>();
        for (PostOption option : options.given()) {
            typed.add(typed(option.key(), options.value(option)));
        }
        options.texts().forEach((platform, text) -> typed.add(typed(PostOptions.textKey(platform), text)));
        return String.join(" ", typed);
    }

    private static String typed(String key, String value) {
        boolean quote = value.isEmpty() || value.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\\');
        return key + ":" + (quote ? "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : value);
    }
}
