package com.ailsocialautomation.command;

import com.ailsocialautomation.message.MediaInput;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.message.PostOption;
import com.ailsocialautomation.message.PostOptions;
import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.message.Reply;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.net.UrlGuard;
import com.ailsocialautomation.schedule.WhenParser;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The compose form of a chat front end (Slack's modal for {@code /ail post} and {@code /ail schedule} without
 * text): which accounts to offer, a check of a draft that names the field each problem belongs to, so the form
 * can show it beside that field, and sending the draft as the same post or schedule command the text form runs.
 */
public final class Compose {
    public static final String ACCOUNTS = "accounts";
    public static final String TEXT = "text";
    public static final String WHEN = "when";
    public static final String MEDIA = "media";
    /** The form's "Save as draft" choice: the post is kept as a draft, without a time, instead of going out. */
    public static final String SAVE_AS_DRAFT = "save-as-draft";

    /**
     * An account to offer: its short id (what to: takes), how people know it, and the per-platform options its
     * platform uses (the form shows a field for each option some account uses).
     */
    public record Choice(String id, String label, Set<PostOption> options, PlatformId platform) {
        public Choice {
            options = Set.copyOf(options);
        }

        public Choice(String id, String label, Set<PostOption> options) {
            this(id, label, options, null);
        }

        public Choice(String id, String label) {
            this(id, label, Set.of());
        }
    }

    /**
     * What the form holds. {@code date} and {@code time} are both null to publish now; {@code mediaUrl} may be null.
     * {@code alts} are the alt: texts in the order of the media (the link first); {@code files} come after the link.
     * {@code options} are the per-platform options filled in, as typed (privacy → "unlisted", allow → "comments,duet");
     * {@code texts} a platform's own text where its field was filled in (text.x:).
     */
    public record Draft(List<String> accounts, String text, LocalDate date, LocalTime time, String mediaUrl,
                        List<String> alts, List<MediaInput> files, Map<PostOption, String> options,
                        Map<PlatformId, String> texts) {
        public Draft {
            accounts = List.copyOf(accounts);
            text = text == null ? "" : text;
            alts = List.copyOf(alts);
            files = List.copyOf(files);
            options = options == null ? Map.of() : Map.copyOf(options);
            texts = texts == null ? Map.of() : Map.copyOf(texts);
        }

        public Draft(List<String> accounts, String text, LocalDate date, LocalTime time, String mediaUrl,
                     List<String> alts, List<MediaInput> files, Map<PostOption, String> options) {
            this(accounts, text, date, time, mediaUrl, alts, files, options, Map.of());
        }

        public Draft(List<String> accounts, String text, LocalDate date, LocalTime time, String mediaUrl,
                     List<String> alts, List<MediaInput> files) {
            this(accounts, text, date, time, mediaUrl, alts, files, Map.of());
        }

        public Draft(List<String> accounts, String text, LocalDate date, LocalTime time, String mediaUrl) {
            this(accounts, text, date, time, mediaUrl, List.of(), List.of());
        }

        List<String> media() {
            return mediaUrl == null || mediaUrl.isBlank() ? List.of() : List.of(mediaUrl.strip());
        }
    }

    /** The hint under a platform's own text field: what leaving it empty does, and whether it takes a thread. */
    public static String textHint(PlatformId platform) {
        return "Empty: the text above. " + (Platform.of(platform).rule().threads()
                ? "A line holding only --- starts the next part of a thread."
                : platform.displayName() + " has no threads: one text, no --- lines.");
    }

    /** The hint a form shows under an option's field: which platforms use it and how. */
    public static String hint(PostOption option) {
        return PostOptionInput.hint(option);
    }

    private final CommandService commands;
    private final Accounts accounts;
    private final UrlGuard guard;
    private final Clock clock;

    public Compose(CommandService commands, Accounts accounts, UrlGuard guard, Clock clock) {
        this.commands = commands;
        this.accounts = accounts;
        this.guard = guard;
        this.clock = clock;
    }

    /** The workspace's active accounts. */
    public List<Choice> choices(Invocation invocation) {
        Caller caller = commands.caller(invocation);
        return accounts.list(caller.workspaceId()).stream().filter(Account::active)
                .map(a -> new Choice(a.shortId(), (a.handle() == null ? a.externalId() : a.handle()) + " (" + a.platform() + ")",
                        Platform.of(a.platform()).rule().options().options(), a.platform()))
                .toList();
    }

    /**
     * Problems by field ({@link #ACCOUNTS}, {@link #TEXT}, {@link #WHEN}, {@link #MEDIA}, and an option's key for
     * its field); empty when it can be sent.
     */
    public Map<String, String> problems(Invocation invocation, Draft draft) {
        return problems(invocation, draft, false);
    }

    /** The same, for a form saved as a draft ({@code asDraft}), which has no time. */
    public Map<String, String> problems(Invocation invocation, Draft draft, boolean asDraft) {
        Caller caller = commands.caller(invocation);
        Map<String, String> problems = new LinkedHashMap<>();
        List<Account> all = accounts.list(caller.workspaceId());
        List<Account> chosen = new ArrayList<>();
        for (String id : draft.accounts()) {
            Optional<Account> found = all.stream().filter(a -> a.shortId().equals(id)).findFirst();
            found.filter(Account::active).ifPresentOrElse(chosen::add,
                    () -> problems.put(ACCOUNTS, "Account " + id + " is gone or needs reconnecting; choose again."));
        }
        if (draft.accounts().isEmpty()) {
            problems.put(ACCOUNTS, "Choose at least one account.");
        }
        if (asDraft && (draft.date() != null || draft.time() != null)) {
            problems.put(WHEN, "A draft is saved without a time: clear the date and time, or untick Save as draft.");
        } else if ((draft.date() == null) != (draft.time() == null)) {
            problems.put(WHEN, "Pick both a date and a time, or neither to publish now.");
        } else if (draft.date() != null) {
            capture(problems, WHEN, () -> WhenParser.at(LocalDateTime.of(draft.date(), draft.time()), caller.zone(), clock));
        }
        draft.media().forEach(url -> capture(problems, MEDIA, () -> guard.check(url)));
        Map<String, List<String>> given = new LinkedHashMap<>();
        draft.options().forEach((option, value) -> capture(problems, option.key(),
                () -> given.put(option.key(), List.of(PostOptionInput.value(option, value)))));
        PostOptions options = PostOptions.NONE;
        if (!chosen.isEmpty() && given.size() == draft.options().size()) {
            draft.texts().forEach((platform, text) -> given.put(PostOptions.textKey(platform), List.of(text)));
            options = PostOptionInput.of(new ParsedCommand("post", List.of(), given, ""));
            PostOptions parsed = options;
            // a text for a platform none of the chosen accounts is on is refused beside that platform's field
            String field = draft.texts().keySet().stream().findFirst().map(PostOptions::textKey).orElse(TEXT);
            capture(problems, field, () -> {
                PostOptionInput.problems(parsed, PostRules.targets(chosen)).forEach((o, p) -> problems.putIfAbsent(o.key(), p));
                return null;
            });
        }
        PostOptions shaped = options;
        if (!problems.containsKey(ACCOUNTS) && !problems.containsKey(MEDIA)) {
            capture(problems, TEXT, () -> {
                if (draft.files().isEmpty()) {
                    PostRules.check(draft.text(), shaped, draft.media(), chosen);
                } else {
                    // files are known by their bytes once copied, when the form is sent: the text can be checked now
                    InputLimits.checkLength(draft.text());
                }
                return null;
            });
        }
        return problems;
    }

    /** Sends the draft as {@code post} or {@code schedule}, with every check the text command makes. */
    public Reply send(Invocation invocation, Draft draft) {
        return send(invocation, draft, false);
    }

    /** The same, or with {@code asDraft} as {@code draft}: saved, not published or scheduled. */
    public Reply send(Invocation invocation, Draft draft, boolean asDraft) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        options.put("to", List.of(String.join(",", draft.accounts())));
        if (!draft.media().isEmpty()) {
            options.put("media", draft.media());
        }
        if (!draft.alts().isEmpty()) {
            options.put("alt", draft.alts());
        }
        draft.options().forEach((option, value) -> options.put(option.key(), List.of(value)));
        draft.texts().forEach((platform, text) -> options.put(PostOptions.textKey(platform), List.of(text)));
        String name = asDraft ? "draft" : "post";
        if (!asDraft && draft.date() != null && draft.time() != null) {
            name = "schedule";
            options.put("at", List.of(LocalDateTime.of(draft.date(), draft.time()).toString()));
        }
        String command = name;
        try {
            return commands.run(invocation, CommandParser.fromOptions(command, List.of(), options, draft.text(), draft.files()));
        } catch (UserError e) {
            return Reply.of(e.getMessage());
        }
    }

    private static void capture(Map<String, String> problems, String field, java.util.function.Supplier<?> check) {
        try {
            check.get();
        } catch (UserError e) {
            problems.putIfAbsent(field, e.getMessage());
        }
    }
}
