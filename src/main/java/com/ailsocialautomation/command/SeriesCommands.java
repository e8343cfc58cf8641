package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.schedule.Echo;
import com.ailsocialautomation.schedule.Times;
import com.ailsocialautomation.schedule.Weekly;
import com.ailsocialautomation.store.PostSeries;
import com.ailsocialautomation.store.Posts;
import com.ailsocialautomation.store.Series;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recurring posts: schedule every:"monday 09:00" makes a series, and cancel, edit and list take a series' short id
 * (s…) where they take a post's. Everything else goes on to the post commands, which also make each occurrence
 * (see {@link Occurrences}): a series is never a second way to accept a post.
 */
public final class SeriesCommands implements Handler {
    /** The options that describe the series rather than each post. */
    static final Set<String> OWN = Set.of("every", "until", "times", "from", "at", "in", "public");

    private final Handler posts;
    private final Handler lists;
    private final Series series;
    private final Occurrences occurrences;
    private final Posts postStore;
    private final Clock clock;

    public SeriesCommands(Handler posts, Handler lists, Series series, Occurrences occurrences, Posts postStore, Clock clock) {
        this.posts = posts;
        this.lists = lists;
        this.series = series;
        this.occurrences = occurrences;
        this.postStore = postStore;
        this.clock = clock;
    }

    @Override
    public Set<Subcommand> serves() {
        return EnumSet.of(Subcommand.SCHEDULE, Subcommand.CANCEL, Subcommand.EDIT, Subcommand.LIST, Subcommand.SHOW);
    }

    static boolean names(String ref) {
        return ref != null && ref.strip().toLowerCase(java.util.Locale.ROOT).startsWith("s");
    }

    @Override
    public Reply handle(Caller caller, ParsedCommand command) {
        return switch (command.subcommand()) {
            case SCHEDULE -> command.option("every") != null ? create(caller, command) : refuseSeriesOptions(caller, command);
            case CANCEL -> names(command.arg(0)) ? cancel(caller, changeable(caller, command.arg(0), "cancel")) : posts.handle(caller, command);
            case EDIT -> names(command.arg(0)) ? edit(caller, command, changeable(caller, command.arg(0), "edit")) : posts.handle(caller, command);
            case LIST -> withSeries(caller, command, lists.handle(caller, command));
            case SHOW -> names(command.arg(0)) ? show(caller, find(caller, command.arg(0))) : lists.handle(caller, command);
            default -> throw new IllegalArgumentException(command.name());
        };
    }

    private Reply refuseSeriesOptions(Caller caller, ParsedCommand command) {
        for (String key : List.of("until", "times", "from")) {
            if (command.option(key) != null) {
                throw Commands.get(command.name()).misuse(key + ": belongs to a series: add every:\"monday 09:00\"");
            }
        }
        return posts.handle(caller, command);
    }

    private Reply create(Caller caller, ParsedCommand command) {
        Weekly every = Weekly.parse(command.option("every"));
        if (!command.files().isEmpty()) {
            throw new UserError("A series takes media: links, not attached files: each time it posts, it copies its media again.");
        }
        Instant until = SeriesInput.until(caller, command.option("until"), clock);
        Integer times = SeriesInput.times(command.option("times"));
        List<String> texts = SeriesInput.texts(command);
        Instant first = every.next(clock.instant(), caller.zone());
        if (until != null && first.isAfter(until)) {
            throw new UserError("until: is before the first time (" + Times.format(first, caller.zone()) + "); nothing would be posted.");
        }
        Map<String, List<String>> options = new LinkedHashMap<>();
        command.options().forEach((k, v) -> {
            if (!OWN.contains(k)) {
                options.put(k, v);
            }
        });
        PostSeries made = series.create(caller.workspaceId(), caller.user().id(), every.days(), every.time(), caller.zone(),
                until, times, texts, options, first);
        Occurrences.Made firstPost;
        try {
            // every text is checked against every target now, and the first post goes through the whole acceptance path
            occurrences.check(caller, made);
            firstPost = occurrences.make(caller, made);
        } catch (RuntimeException e) {
            series.delete(caller.workspaceId(), made.id());
            throw e;
        }
        Reply reply = Reply.of("Series " + made.shortId() + " · *Every* " + every.text() + " (" + caller.zone().getId() + ")"
                + ending(until, times, caller) + "\n\n" + firstPost.post().text())
                .withField("First post", firstPost.post().shortId() + ", " + Times.format(firstPost.at(), caller.zone()))
                .withField("Texts", texts.size() == 1 ? "the same text each time" : texts.size() + " texts, used in turn")
                .withButton("Cancel series", "cancel:" + made.shortId(), Reply.Button.Style.DANGER);
        String warning = SeriesInput.repeatWarning(firstPost.targets(), texts.size());
        reply = warning == null ? reply : reply.withField("Warning", warning);
        return "yes".equalsIgnoreCase(command.option("public")) ? reply.visibleToChannel() : reply;
    }

    private String ending(Instant until, Integer times, Caller caller) {
        return (times == null ? "" : ", " + times + " times") + (until == null ? "" : ", until " + Times.format(until, caller.zone()));
    }

    private PostSeries find(Caller caller, String shortId) {
        return series.find(caller.workspaceId(), shortId).orElseThrow(() -> new UserError(
                "No series '" + Echo.of(shortId) + "' in this workspace. `/ail list` shows the active series with their ids."));
    }

    private Reply show(Caller caller, PostSeries s) {
        String posts = series.occurrences(caller.workspaceId(), s.id(), 10).stream()
                .map(o -> o.shortId() + " · " + Times.format(o.at(), caller.zone()) + " · " + String.join(", ", o.states()))
                .collect(Collectors.joining("\n"));
        Reply reply = Reply.of("Series " + s.shortId() + " · every " + new Weekly(s.days(), s.time()).text() + " (" + s.zone().getId()
                + ")" + ending(s.until(), s.maxTimes(), caller) + " · " + s.state().text() + "\n\n" + s.textFor(s.made()))
                .withField("Next", s.nextAt() == null ? "none" : Times.format(s.nextAt(), caller.zone()))
                .withField("Texts", s.texts().size() == 1 ? "the same text each time" : s.texts().size() + " texts, used in turn")
                .withField("Posts made (" + s.made() + ", latest first)", posts.isEmpty() ? "none" : posts);
        return caller.mayChange(s.authorUserId()) && s.state() == com.ailsocialautomation.store.SeriesState.ACTIVE
                ? reply.withButton("Cancel series", "cancel:" + s.shortId(), Reply.Button.Style.DANGER) : reply;
    }

    private PostSeries changeable(Caller caller, String shortId, String action) {
        PostSeries s = find(caller, shortId);
        if (!caller.mayChange(s.authorUserId())) {
            throw new UserError("Only its author or a workspace admin can " + action + " series " + s.shortId() + ".");
        }
        return s;
    }

    private Reply cancel(Caller caller, PostSeries s) {
        boolean stopped = series.cancel(caller.workspaceId(), s.id());
        List<String> pending = series.pending(caller.workspaceId(), s.id());
        pending.forEach(p -> postStore.find(caller.workspaceId(), p).ifPresent(post -> postStore.cancel(caller.workspaceId(), post.id())));
        if (!stopped && pending.isEmpty()) {
            throw new UserError("Series " + s.shortId() + " has " + s.state().text() + "; there is nothing left to cancel.");
        }
        return Reply.of("Cancelled series " + s.shortId() + (pending.isEmpty() ? "" : " and its next post " + String.join(", ", pending))
                + "; posts already published stay.");
    }

    private Reply edit(Caller caller, ParsedCommand command, PostSeries s) {
        List<String> texts = command.option("from") == null && command.text().isBlank() ? s.texts() : SeriesInput.texts(command);
        Map<String, List<String>> options = new LinkedHashMap<>(s.options());
        command.options().forEach((k, v) -> {
            if (!OWN.contains(k)) {
                options.put(k, v);
            }
        });
        PostSeries edited = occurrences.checked(caller, s, texts, options);
        // the post already made for the next time changes first, through the ordinary edit and its checks: a refused
        // edit leaves the series as it was
        List<String> changed = new java.util.ArrayList<>();
        for (String pending : series.pending(caller.workspaceId(), s.id())) {
            Map<String, List<String>> given = new LinkedHashMap<>(command.options());
            OWN.forEach(given::remove);
            posts.handle(caller, new ParsedCommand(Subcommand.EDIT.word(), List.of(pending), given,
                    edited.textFor(Math.max(0, s.made() - 1))));
            changed.add(pending);
        }
        series.edit(caller.workspaceId(), s.id(), texts, options);
        return Reply.of("Series " + s.shortId() + " will post " + (texts.size() == 1 ? "the new text" : texts.size() + " texts in turn")
                + " from now on" + (changed.isEmpty() ? "." : ", starting with post " + String.join(", ", changed) + "."));
    }

    private Reply withSeries(Caller caller, ParsedCommand command, Reply listed) {
        if (command.arg(0) != null && !command.arg(0).equalsIgnoreCase("upcoming")) {
            return listed;
        }
        List<PostSeries> active = series.active(caller.workspaceId());
        if (active.isEmpty()) {
            return listed;
        }
        String lines = active.stream().limit(20).map(s -> s.shortId() + " · every " + new Weekly(s.days(), s.time()).text()
                + " (" + s.zone().getId() + ") · next " + (s.nextAt() == null ? "none" : Times.format(s.nextAt(), caller.zone()))
                + (s.texts().size() > 1 ? " · " + s.texts().size() + " texts" : "")).collect(Collectors.joining("\n"));
        return listed.withField("Series (cancel or edit with their id)", lines);
    }
}
