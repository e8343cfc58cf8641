package com.ailsocialautomation.command;

import com.ailsocialautomation.message.PlatformId;

import com.ailsocialautomation.DidYouMean;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.UserError;
import com.ailsocialautomation.command.CommandSpec.Arg;
import com.ailsocialautomation.command.CommandSpec.Option;
import com.ailsocialautomation.command.CommandSpec.Text;
import com.ailsocialautomation.schedule.Durations;
import com.ailsocialautomation.schedule.Echo;
import com.ailsocialautomation.schedule.ExampleDate;
import com.ailsocialautomation.schedule.Zones;
import com.ailsocialautomation.store.PostFilter;
import com.ailsocialautomation.store.PostingPolicy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Every /ail subcommand, declared once; the parser, help and the Discord command definitions read this table. */
public final class Commands {
    /** The connect choices: every platform AIL can publish to (one that has a provider), in declaration order. */
    public static final List<String> PLATFORMS = Platform.withProvider().stream().map(Platform::id).toList();

    /** Names people use for a platform that are not its id, from the platforms' own declarations: suggested when typed. */
    public static final Map<String, String> PLATFORM_ALIASES = PlatformId.aliases();

    private static final Option TO = Option.of("to").asPrimary();

    /** A webhook's name, so that people can tell several apart (connect webhook <url> name:"Blog"). */

    private static final Option NAME = Option.of("name").asPrimary();
    private static final Option MEDIA = Option.files("media").asPrimary();
    private static final Option ALT = Option.repeatable("alt").checkedBy(AltTexts::check).asPrimary();
    private static final Option PUBLIC = Option.of("public", "yes", "no").asPrimary();
    private static final Option AT = Option.of("at").asPrimary();
    /** post queue:yes: each target at its account's next free queue time (see queue). */
    private static final Option QUEUE = Option.of("queue", "yes", "no");
    /** A series (schedule every:"monday 09:00"): its rhythm, its end, and evergreen texts used in turn. */
    private static final Option EVERY = Option.of("every");
    private static final Option UNTIL = Option.of("until");
    private static final Option TIMES_OPTION = Option.of("times");
    private static final Option FROM = Option.of("from");
    private static final String SERIES_HELP = "every:\"monday 09:00\" (days: mon,wed,fri, weekdays or daily) makes a "
            + "series instead: one ordinary post at each of those times in your zone, 09:00 staying 09:00 across daylight "
            + "saving, ending at until:<date> (YYYY-MM-DD, or any time as for at:) or after times:<n> posts, or when "
            + "cancelled. Each post is made when the one before it goes out, so one is always waiting; /ail cancel <series> "
            + "stops it (published posts stay) and /ail edit <series> <text> changes the waiting post and all later ones. "
            + "Evergreen: from:\"first text === second text === third\" (=== between texts, on its own line or with spaces "
            + "around it) uses the texts in turn, in place of the text. X and Facebook refuse a text they already published: "
            + "the reply warns when a series would repeat one there.";
    // Checked here so a bad duration is refused with the usage line; at: needs the user's zone and the clock,
    // so the handler reads it with ScheduledTime.
    private static final Option IN = Option.of("in").checkedBy(v -> {
        Durations.parse(v);
        return v;
    }).asPrimary();
    private static final List<String> AT_OR_IN = List.of("at", "in");
    private static final String PLATFORM_OPTIONS = java.util.stream.Stream.concat(PostOptionInput.OPTIONS.stream(),
            java.util.stream.Stream.of(PostOptionInput.TEXTS)).map(o -> "[" + o.key() + ":…]")
            .collect(java.util.stream.Collectors.joining(" "));
    private static final Arg POST = Arg.required("post");
    // typed and checked rather than listed as Discord choices: choices count toward Discord's 4,000 characters
    private static final Option POSTING = Option.of("posting").checkedBy(v -> com.ailsocialautomation.message.Worded
            .find(PostingPolicy.class, v.strip().toLowerCase(Locale.ROOT)).orElseThrow(() -> new UserError("posting: takes "
                    + String.join(", ", com.ailsocialautomation.message.Worded.words(PostingPolicy.class)) + ".")).word()).asPrimary();
    private static final Option APPROVERS = Option.of("approvers").asPrimary();

    private static final String TIMES = "Times: now, 2h30m, today 17:00, tomorrow 09:00, fri 9:30, 9am, 5:30pm, "
            + ExampleDate.MARK + " 09:00, dec 24 9am (in your zone, see /ail timezone), tomorrow 9:00 PST or "
            + ExampleDate.MARK + "T09:00+01:00; a weekday or a bare time "
            + "means its next occurrence, up to a year ahead. Daylight saving: a time the clocks skip moves forward by "
            + "the gap (02:30 becomes 03:30); a time that happens twice is the first (earlier) one.";
    private static final String OPTIONS_FIRST = "Options go before the text; everything from the first word of text on "
            + "is published as typed. Links are always text. To start the text with something like key:value, put -- "
            + "before it: /ail post -- note:this is text. public:yes shows the reply to the channel.";

    private static final String MEDIA_HELP = "media: links an image or video (repeat it for more); in Slack's form, "
            + "Discord's attachment options or the console (media:<path>) you can give files instead, which come after "
            + "the links; Post with AIL on a Slack or Discord message takes its text and files (up to 10) into a form. alt:\"...\" describes one item for people who cannot see it, in the same order (repeat it, "
            + "at most " + String.format("%,d", AltTexts.MAX_CHARACTERS) + " characters each); without it, a Discord "
            + "attachment's own description is used.";

    private static final String DRAFT_HELP = "A saved draft (see /ail help draft) is posted or scheduled by its id: "
            + "/ail post d7k2q, /ail schedule d7k2q at:\"fri 9:30\".";

    private static final String IMPORT_HELP = "The file: UTF-8 CSV, first line the header "
            + String.join(",", CsvPosts.COLUMNS) + " (any order), then one post a line; quote a field holding commas, "
            + "quotes (written \"\") or line breaks. when: a time as at: takes it, in your zone; to: accounts as to: "
            + "takes them (empty: as /ail schedule without to:); text: the post, several lines if quoted; media: links, "
            + "separated by spaces or line breaks; alt: one line per media item. An optional options column takes the "
            + "other options as typed after /ail schedule (title:\"Spring\" privacy:unlisted). Give the file in Slack "
            + "in the form /ail import opens, in Discord as the csv attachment, in the console as csv:./plan.csv, or "
            + "anywhere as csv:<https link>. Every line is checked as /ail schedule checks it; if one cannot be "
            + "scheduled nothing is, and the reply names each such line and why; partial:yes schedules the others. "
            + "A cell of ' then = + - @ (as export writes a cell starting with one) loses that one '. At most " + CsvPosts.MAX_ROWS + " posts and " + CsvPosts.MAX_BYTES / 1024 + " KB a file. A file:\n"
            + "when,to,text,media,alt\n" + ExampleDate.MARK + " 09:00,mastodon,\"Doors open, come in!\",,\n"
            + ExampleDate.MARK + " 18:00,\"x,bluesky\",Thank you all,https://example.com/crowd.jpg,The crowd cheering";

    private static final List<CommandSpec> ALL = List.of(
            spec(Subcommand.HELP, List.of(Arg.optional("subcommand").checkedBy(v -> get(v).name())), List.of(), Text.NONE,
                    "/ail help [subcommand]", "How to use AIL, with examples",
                    List.of("/ail help", "/ail help schedule"), ""),
            spec(Subcommand.CONNECT, List.of(Arg.required("platform", PLATFORMS.toArray(String[]::new)),
                            Arg.optional("instance-or-handle-or-url"), Arg.optional("pds-url")), List.of(NAME), Text.NONE,
                    "/ail connect <platform> [instance-or-handle-or-url] [pds-url] [name:<name>]",
                    "Connect a social account; you get a private one-time link",
                    List.of("/ail connect mastodon fosstodon.org", "/ail connect bluesky ana.bsky.social",
                            "/ail connect webhook https://example.com/hooks/ail name:\"Blog\""),
                    "Platforms: " + String.join(", ", PLATFORMS) + ". Mastodon takes the instance, Bluesky the handle "
                            + "and, if the account is not on bsky.social, its PDS URL (you then give an app password in a "
                            + "form), webhook the HTTPS address to call; name: gives a webhook a name that lists and to: use."),
            spec(Subcommand.ACCOUNTS, List.of(), List.of(), Text.NONE, "/ail accounts",
                    "List this workspace's connected accounts and their status", List.of("/ail accounts"), ""),
            spec(Subcommand.DISCONNECT, List.of(Arg.required("account")), List.of(), Text.NONE, "/ail disconnect <account>",
                    "Disconnect an account and delete its tokens",
                    List.of("/ail disconnect a3f9", "/ail disconnect @ana@fosstodon.org"), ""),
            spec(Subcommand.POST, List.of(), with(TO, MEDIA, ALT, PUBLIC, QUEUE), Text.REQUIRED_WITHOUT_MEDIA,
                    "/ail post [to:<accounts>] [media:<url>…] [alt:\"<description>\"…] [public:yes] [queue:yes] " + PLATFORM_OPTIONS + " <text>",
                    "Publish a post now to one or more connected accounts",
                    List.of("/ail post Our spring release is out: https://example.com/blog/spring",
                            "/ail post to:mastodon,bluesky media:https://example.com/launch.png alt:\"Our team on stage\" We launched today!",
                            "/ail post to:x,linkedin text.x:\"Spring is out: example.com/spring\" comment:\"Notes: example.com/notes\" Our spring release is out, with faster sync and a new calendar"),
                    OPTIONS_FIRST + " to: takes account ids, platforms or handles, separated by commas; a platform with several accounts needs an id, or :* for all (to:webhook:*). "
                            + MEDIA_HELP + " queue:yes publishes at each account's next free queue time instead of now "
                            + "(see /ail help queue). " + PostOptionInput.help() + " " + DRAFT_HELP),
            new CommandSpec(Subcommand.SCHEDULE.word(), List.of(), with(AT, IN, EVERY, UNTIL, TIMES_OPTION, FROM, TO, MEDIA, ALT, PUBLIC),
                    Text.REQUIRED_WITHOUT_MEDIA, List.of("at", "in", "every"),
                    "/ail schedule at:<when> | in:<duration> | every:<days time> [until:<date>] [times:<n>] [from:<texts>] "
                            + "[to:<accounts>] [media:<url>…] [alt:\"<description>\"…] [public:yes] " + PLATFORM_OPTIONS + " <text>",
                    "Schedule a post, or a series with every:",
                    List.of("/ail schedule at:\"tomorrow 09:00\" Good morning, team!",
                            "/ail schedule in:2h30m to:x Doors open soon",
                            "/ail schedule every:\"monday 09:00\" times:10 to:linkedin Our weekly update"),
                    TIMES + " " + SERIES_HELP + " " + OPTIONS_FIRST + " " + MEDIA_HELP + " " + PostOptionInput.help() + " " + DRAFT_HELP),
            spec(Subcommand.DRAFT, List.of(), with(TO, MEDIA, ALT), Text.REQUIRED_WITHOUT_MEDIA,
                    "/ail draft [to:<accounts>] [media:<url>…] [alt:\"<description>\"…] " + PLATFORM_OPTIONS + " <text>",
                    "Save a post as a draft, not published",
                    List.of("/ail draft to:linkedin Our spring release is out: https://example.com/blog/spring",
                            "/ail draft media:https://example.com/poster.png alt:\"The event poster\" Doors open at 18:00",
                            "/ail draft to:x,bluesky Ideas for Monday's thread"),
                    "A draft takes what post takes and is checked the same way; its media are copied now. It gets an id "
                            + "starting with d. Then `/ail schedule <draft> at:<when>` schedules it, `/ail post <draft>` "
                            + "publishes it now (both check it again), `/ail edit <draft> <text>` changes it, `/ail cancel "
                            + "<draft>` deletes it and `/ail list drafts` lists yours. A draft nobody changes for "
                            + "AIL_RETENTION_DAYS (90 days by default) is deleted with its media. " + MEDIA_HELP),
            spec(Subcommand.LIST, List.of(Arg.optional("filter", Arrays.stream(PostFilter.values()).map(PostFilter::text).toArray(String[]::new))), List.of(), Text.NONE,
                    "/ail list [upcoming|recent|failed|mine|drafts|waiting]",
                    "List posts: upcoming (default), recent, failed, yours, drafts or waiting for you",
                    List.of("/ail list", "/ail list drafts", "/ail list waiting"),
                    "drafts lists your drafts (a workspace admin sees everyone's); the other lists leave drafts out. "
                            + "waiting lists the posts waiting for your approval."),
            spec(Subcommand.SHOW, List.of(POST), List.of(), Text.NONE, "/ail show <post>",
                    "Show one post: each account's status, links, attempts and errors", List.of("/ail show p7k2q", "/ail show s4m8x"),
                    "A series' id (s…) shows when it posts, its next time and the posts it made."),
            spec(Subcommand.CANCEL, List.of(POST), List.of(), Text.NONE, "/ail cancel <post>",
                    "Cancel a post or series, or delete a draft (author or admin)",
                    List.of("/ail cancel p7k2q", "/ail cancel s4m8x", "/ail cancel d7k2q"),
                    "A draft is deleted with its media. A series' id starts with s (see /ail list): cancelling it stops its "
                            + "future posts; published ones stay."),
            spec(Subcommand.RETRY, List.of(POST), List.of(), Text.NONE, "/ail retry <post>",
                    "Try a failed post again (its author or an admin)", List.of("/ail retry p7k2q"), ""),
            spec(Subcommand.EDIT, List.of(POST), with(MEDIA, ALT, FROM), Text.REQUIRED_WITHOUT_MEDIA,
                    "/ail edit <post> [media:<url>…] [alt:\"<description>\"…] [from:<texts>] " + PLATFORM_OPTIONS + " <text>",
                    "Change the text, media, alt or options of a scheduled post, series or draft",
                    List.of("/ail edit p7k2q Doors open at 18:00, not 17:00!",
                            "/ail edit p7k2q media:https://example.com/poster-v2.png alt:\"The corrected poster\"",
                            "/ail edit p7k2q title:\"Spring release\" privacy:unlisted"),
                    "The new text is everything after the post id and options, as typed; without text the text stays. "
                            + "media: links or attached files replace all of the post's media; alt: alone re-describes "
                            + "its items, in order; title:, privacy:, tags:, allow: and disclose: replace that option "
                            + "alone. A series' id (s…) changes its waiting post and every later one; from:\"a === b\" gives "
                            + "an evergreen series new texts. " + PostOptionInput.help()),
            new CommandSpec(Subcommand.RESCHEDULE.word(), List.of(POST), List.of(AT, IN), Text.NONE, AT_OR_IN,
                    "/ail reschedule <post> at:<when> | in:<duration>", "Move a scheduled post to another time",
                    List.of("/ail reschedule p7k2q at:\"fri 9:30\"", "/ail reschedule p7k2q in:45m"), TIMES),
            spec(Subcommand.QUEUE, List.of(Arg.optional("account"), Arg.optional("action", "add", "remove", "list"),
                            Arg.optional("days"), Arg.optional("time")), List.of(), Text.NONE,
                    "/ail queue [account] [add|remove|list] [days] [time]",
                    "An account's weekly posting times, filled by post queue:yes; alone: what goes out when",
                    List.of("/ail queue x add mon,wed,fri 09:30", "/ail queue a3f9k remove fri 09:30", "/ail queue"),
                    "A queue is an account's weekly times (days: mon,wed,fri, weekdays or daily; a time: 09:30 or 9am), "
                            + "read in your time zone (see /ail timezone) and kept in it, so 09:30 stays 09:30 across "
                            + "daylight saving (a time the clocks skip moves forward by the gap, a repeated one is the "
                            + "earlier). /ail post queue:yes <text> gives each account its own next free time, and a "
                            + "scheduled post's Add to queue button does the same; cancelling or rescheduling a post frees "
                            + "its time. /ail queue <account> lists its times and next 7 days; /ail queue alone shows "
                            + "every queue's next 7 days. The account's owner or an admin changes its queue."),
            spec(Subcommand.ACCOUNT, List.of(Arg.required("account")), List.of(POSTING, APPROVERS), Text.NONE,
                    "/ail account <account> [posting:anyone|approval|owner-and-admins] [approvers:@a,@b|admins]",
                    "Set who may post to an account",
                    List.of("/ail account a3f9 posting:approval approvers:@ana,@bo", "/ail account @ana@fosstodon.org posting:owner-and-admins",
                            "/ail account a3f9 approvers:admins"),
                    "Set by the person who connected the account or a workspace admin. posting:anyone (the default) lets "
                            + "everyone here post; posting:approval lets everyone post, but a post by someone who is not an "
                            + "approver waits as pending approval until an approver approves it (approvers get a DM with "
                            + "Approve, Request changes and Reject); posting:owner-and-admins refuses everyone else. approvers: "
                            + "takes @mentions of people here; without it, or with approvers:admins, the workspace admins approve. "
                            + "Without options it shows the account's settings (in Slack, as a form to change them; `/ail account` alone lets you pick the account in it); `/ail accounts` shows every account's."),
            spec(Subcommand.APPROVE, List.of(POST), List.of(AT.asPrimary()), Text.NONE, "/ail approve <post> [at:<when>]",
                    "Approve a waiting post",
                    List.of("/ail approve p7k2q", "/ail approve p7k2q at:\"tomorrow 09:00\"", "/ail approve p7k2q at:now"),
                    "It is published at its time (a post made with /ail post: now). If its time passed while it waited, "
                            + "AIL asks whether to publish it now or at a new time; at: gives that time. `/ail list waiting` "
                            + "shows the posts waiting for you. An edit after approval needs approval again."),
            spec(Subcommand.REJECT, List.of(POST), List.of(), Text.OPTIONAL, "/ail reject <post> <text>",
                    "Reject a waiting post",
                    List.of("/ail reject p7k2q", "/ail reject p7k2q We are not announcing this yet."),
                    "The text is an optional note; it goes to the author with the outcome."),
            spec(Subcommand.REQUEST_CHANGES, List.of(POST), List.of(), Text.OPTIONAL, "/ail request-changes <post> <text>",
                    "Ask for changes to a waiting post",
                    List.of("/ail request-changes p7k2q Please use the new logo."),
                    "The text is an optional note for the author. The post keeps waiting; the author's edit brings it back to you."),
            spec(Subcommand.TIMEZONE, List.of(Arg.required("zone").checkedBy(v -> Zones.parse(v).getId())), List.of(), Text.NONE,
                    "/ail timezone <zone>", "Set your time zone (an IANA name such as Europe/Berlin)",
                    List.of("/ail timezone Europe/Berlin", "/ail timezone America/New_York"), ""),
            spec(Subcommand.NOTIFY, List.of(Arg.required("setting", "on", "off")), List.of(), Text.NONE, "/ail notify on|off",
                    "Get a direct message when your posts are published, not only when they fail",
                    List.of("/ail notify on", "/ail notify off"), ""),
            spec(Subcommand.MY_DATA, List.of(), List.of(), Text.NONE, "/ail my-data",
                    "Get a JSON export of everything AIL stores about you", List.of("/ail my-data"), ""),
            spec(Subcommand.FORGET_ME, List.of(), List.of(), Text.NONE, "/ail forget-me",
                    "Erase everything AIL stores about you (asks to confirm first)", List.of("/ail forget-me"), ""),
            spec(Subcommand.IMPORT, List.of(), List.of(Option.file(CsvSource.OPTION).asPrimary(),
                            Option.of("partial", "yes", "no").asPrimary()), Text.NONE,
                    "/ail import [csv:<link>] [partial:yes]", "Schedule posts from a CSV file",
                    List.of("/ail import csv:https://example.com/plan.csv", "/ail import partial:yes csv:./december.csv"),
                    IMPORT_HELP),
            spec(Subcommand.EXPORT, List.of(Arg.optional("which", "upcoming", "all")), List.of(), Text.NONE,
                    "/ail export [upcoming|all]", "Posts as a CSV file /ail import takes",
                    List.of("/ail export", "/ail export all"),
                    "upcoming (the default) holds what is still to go out, all every post /ail list knows; the file "
                            + "comes as my-data's does. Times carry their offset, accounts are short ids, media the "
                            + "links they were copied from (a file given in the chat has none and is left out); options, "
                            + "comment: and each platform's own text.x: in the options column. A cell starting with "
                            + "= + - @ gets a leading ' so a spreadsheet shows it as text; /ail import removes it."));

    private Commands() {}

    public static List<CommandSpec> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(CommandSpec::name).toList();
    }

    public static Optional<CommandSpec> find(String name) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(s -> s.name().equals(key)).findFirst();
    }

    /** The subcommand, or a UserError that lists the subcommands. */
    public static CommandSpec get(String name) {
        return find(name).orElseThrow(() -> new UserError("Unknown subcommand '" + Echo.of(name) + "'"
                + DidYouMean.hint(name, names()) + ". Subcommands: " + String.join(", ", names()) + ". Try /ail help."));
    }

    /** These options, then the per-platform ones. */
    private static List<Option> with(Option... options) {
        List<Option> all = new java.util.ArrayList<>(List.of(options));
        all.addAll(PostOptionInput.OPTIONS);
        all.add(PostOptionInput.TEXTS);
        return List.copyOf(all);
    }

    private static CommandSpec spec(Subcommand name, List<Arg> args, List<Option> options, Text text, String usage,
                                    String description, List<String> examples, String details) {
        return new CommandSpec(name.word(), args, options, text, List.of(), usage, description, examples, details);
    }
}
