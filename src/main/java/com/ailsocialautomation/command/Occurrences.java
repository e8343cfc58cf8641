package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.message.PostOptions;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.notify.Outbox;
import com.ailsocialautomation.schedule.Weekly;
import com.ailsocialautomation.schedule.WhenParser;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.PostSeries;
import com.ailsocialautomation.store.Series;
import com.ailsocialautomation.store.Workspace;
import com.ailsocialautomation.store.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Makes a series' posts, one at a time: the next one as soon as the last one's time has come, so there is always
 * exactly one post waiting (the one that edit and cancel change). Each is an ordinary scheduled post, made by the
 * post commands' own acceptance path as its author would make it with /ail schedule, so it is checked, its media
 * copied and its state, retries and messages are those of any post. A time missed while AIL was stopped is skipped.
 * A series whose next post is refused (its account disconnected, say) ends, and its author is told.
 */
public final class Occurrences {
    private static final Logger log = LoggerFactory.getLogger(Occurrences.class);

    /** A post made for a series: when it goes and where. */
    record Made(Post post, Instant at, List<Account> targets) {}

    private final PostCommands posts;
    private final Series series;
    private final Accounts accounts;
    private final Workspaces workspaces;
    private final Outbox outbox;
    private final Clock clock;

    public Occurrences(PostCommands posts, Series series, Accounts accounts, Workspaces workspaces, Outbox outbox, Clock clock) {
        this.posts = posts;
        this.series = series;
        this.accounts = accounts;
        this.workspaces = workspaces;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Makes the next post of every series whose last post's time has come; returns how many were made. */
    public int makeDue() {
        int made = 0;
        for (PostSeries s : series.ready(clock.instant())) {
            try {
                if (make(author(s), s) != null) {
                    made++;
                }
            } catch (UserError e) {
                // an account gone or reconnecting, a link that went away: the series cannot go on as it is
                if (series.end(s.workspaceId(), s.id())) {
                    outbox.add(s.workspaceId(), s.authorUserId(), "series-ended:" + s.id(), Reply.of("Your series " + s.shortId()
                            + " has stopped: its next post was refused. " + e.getMessage()
                            + " Posts it already made are unchanged; /ail schedule every:… starts a new series."), null);
                }
                log.info("Series {} ended: its next post was refused", s.shortId());
            } catch (RuntimeException e) {
                log.warn("Series {} could not make its next post; trying again on the next run", s.shortId(), e);
            }
        }
        return made;
    }

    /** Makes the series' next post as {@code caller}; null when the series has run out (until: passed). */
    Made make(Caller caller, PostSeries s) {
        Weekly every = new Weekly(s.days(), s.time());
        Instant now = clock.instant();
        Instant at = s.nextAt().isBefore(now.minus(WhenParser.GRACE)) ? every.next(now, s.zone()) : s.nextAt();
        if (s.until() != null && at.isAfter(s.until())) {
            series.end(s.workspaceId(), s.id());
            return null;
        }
        Instant following = every.next(at, s.zone());
        boolean last = s.maxTimes() != null && s.made() + 1 >= s.maxTimes() || s.until() != null && following.isAfter(s.until());
        Instant next = last ? null : following;
        try (PostCommands.Accepted accepted = posts.accept(caller, command(s, s.textFor(s.made())), at)) {
            Post post = posts.store(caller, accepted, (tx, postId) -> {
                if (!Series.advance(tx, s, postId, at, next)) {
                    throw new IllegalStateException("series " + s.shortId() + " moved on meanwhile");
                }
            });
            return new Made(post, at, accepted.targets());
        }
    }

    /** Checks every text and option of the series against every target (before any media is fetched). */
    void check(Caller caller, PostSeries s) {
        for (String text : s.texts()) {
            ParsedCommand command = command(s, text);
            List<Account> targets = AccountRefs.targets(accounts, caller.workspaceId(), command.option("to"));
            PostOptions options = PostOptionInput.of(command);
            PostRules.checkOptions(options, targets);
            PostRules.precheck(text, options, command.options("media"), 0, targets);
        }
    }

    /** The series with these texts and options, once every text passes {@link #check}. */
    PostSeries checked(Caller caller, PostSeries s, List<String> texts, Map<String, List<String>> options) {
        PostSeries edited = new PostSeries(s.id(), s.workspaceId(), s.shortId(), s.authorUserId(), s.days(), s.time(), s.zone(),
                s.until(), s.maxTimes(), s.made(), s.lastAt(), s.nextAt(), s.state(), texts, options);
        check(caller, edited);
        return edited;
    }

    private static ParsedCommand command(PostSeries s, String text) {
        return new ParsedCommand(Subcommand.SCHEDULE.word(), List.of(), s.options(), text);
    }

    /** The series' author as the command layer knows a caller, in the zone the series was made in. */
    private Caller author(PostSeries s) {
        Workspace w = workspaces.describe(s.workspaceId()).orElseThrow(() -> new UserError("the workspace is gone"));
        ChatUser user = workspaces.user(s.workspaceId(), s.authorUserId()).orElseThrow(() -> new UserError("the author is gone"));
        Invocation as = new Invocation(w.frontEnd(), w.externalId(), user.externalId(), user.displayName(), false, s.zone(), null);
        return new Caller(as, s.workspaceId(), user, s.zone());
    }
}
