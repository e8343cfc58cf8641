package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.message.PostOption;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.schedule.Times;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.PostStatus;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * import and export. An import checks every row of the CSV through the acceptance path of /ail schedule (its time
 * in the person's zone, its accounts, its text and options per target, its media, copied once) before it keeps any:
 * nothing is scheduled unless every row passes, or with {@code partial:yes} the rows that pass are. Export writes
 * the same format, so a file exported can be imported again.
 */
public final class ImportCommands implements Handler {
    /** How many rows a reply names one by one; the rest are counted. */
    static final int NAMED = 20;
    /** A file of more lines than this gets a progress message every this many lines checked. */
    static final int PROGRESS_EVERY = 50;

    /**
     * Where a long import says how far it got, while the person waits for the answer: the outbox's update of the
     * command's own message (Slack shows it where the command was typed; Discord shows that AIL is thinking).
     */
    @FunctionalInterface
    public interface Progress {
        void tell(Caller caller, String importId, int checked, Reply message);
    }
    private static final int REASON = 300;

    private final PostCommands accepting;
    private final CsvSource source;
    private final CsvExport export;
    private final Progress progress;

    public ImportCommands(PostCommands accepting, CsvSource source, CsvExport export, Progress progress) {
        this.accepting = accepting;
        this.source = source;
        this.export = export;
        this.progress = progress;
    }

    @Override
    public Set<Subcommand> serves() {
        return EnumSet.of(Subcommand.IMPORT, Subcommand.EXPORT);
    }

    @Override
    public Reply handle(Caller caller, ParsedCommand command) {
        return switch (command.subcommand()) {
            case IMPORT -> importFile(caller, command);
            case EXPORT -> export.export(caller, !"all".equals(command.arg(0)));
            default -> throw new IllegalArgumentException(command.name());
        };
    }

    private Reply importFile(Caller caller, ParsedCommand command) {
        PostCommands.requireLocalFilesFromConsole(caller, command);
        List<CsvPosts.Row> rows = CsvPosts.read(source.bytes(command));
        boolean partial = "yes".equalsIgnoreCase(command.option("partial"));
        Map<Integer, String> bad = new LinkedHashMap<>();
        List<PostCommands.Accepted> good = new ArrayList<>();
        String importId = java.util.UUID.randomUUID().toString();
        try {
            for (CsvPosts.Row row : rows) {
                int checked = good.size() + bad.size();
                if (rows.size() > PROGRESS_EVERY && checked % PROGRESS_EVERY == 0) {
                    progress.tell(caller, importId, checked, Reply.of("Importing: checked " + checked + " of "
                            + rows.size() + " lines of the file (each as /ail schedule checks it); the result follows."));
                }
                try {
                    ParsedCommand schedule = schedule(row);
                    good.add(accepting.accept(caller, schedule, accepting.when(caller, schedule)));
                } catch (UserError e) {
                    bad.put(row.line(), reason(e));
                }
            }
            if (!bad.isEmpty() && (!partial || good.isEmpty())) {
                return Reply.of("Nothing was scheduled: " + count(bad.size(), "row") + " of " + rows.size()
                        + " cannot be scheduled. Fix "
                        + (bad.size() == 1 ? "it" : "them") + " and import the file again"
                        + (good.isEmpty() ? "." : ", or add partial:yes to schedule the other " + good.size() + ".")
                        + "\n" + lines(bad));
            }
            List<Post> kept = new ArrayList<>();
            for (PostCommands.Accepted accepted : good) {
                kept.add(accepting.storeAndAsk(caller, accepted));
            }
            return Reply.of("Scheduled " + count(kept.size(), "post") + " from the file" + (bad.isEmpty() ? "" : "; "
                    + count(bad.size(), "row") + " could not be, and " + (bad.size() == 1 ? "was" : "were") + " left out")
                    + ". /ail list shows what is waiting.\n" + scheduled(kept, caller)
                    + (bad.isEmpty() ? "" : "\nLeft out:\n" + lines(bad)));
        } finally {
            good.forEach(PostCommands.Accepted::close);
        }
    }

    /** The row as the /ail schedule command it stands for, checked by the same grammar. */
    static ParsedCommand schedule(CsvPosts.Row row) {
        if (row.when().isEmpty()) {
            throw new UserError("the when field is empty; give a time such as 2026-12-24 09:00 or \"tomorrow 9am\"");
        }
        Map<String, List<String>> options = new LinkedHashMap<>(CommandParser.typedOptions(
                Subcommand.SCHEDULE.word(), row.options()));
        for (String key : options.keySet()) {
            if (List.of("at", "in", "to", "media", "alt").contains(key)) {
                throw new UserError("the options field gives " + key + ":, which has its own column");
            }
            // a line is one post: series (every:), queueing and the like are not what an import makes
            if (PostOption.find(key).isEmpty() && !key.startsWith("text.")) {
                throw new UserError("the options field gives " + key + ":, which an import does not take; it takes "
                        + String.join(", ", java.util.Arrays.stream(PostOption.values()).map(PostOption::toString).toList()));
            }
        }
        options.put("at", List.of(row.when()));
        if (!row.to().isEmpty()) {
            options.put("to", List.of(row.to()));
        }
        if (!row.media().isEmpty()) {
            options.put("media", row.media());
        }
        for (int i = 0; i < row.alts().size(); i++) {
            if (row.alts().get(i).isEmpty()) {
                throw new UserError("line " + (i + 1) + " of the alt field is empty; describe each item up to the last "
                        + "one described, one line per item");
            }
        }
        if (!row.alts().isEmpty()) {
            options.put("alt", row.alts());
        }
        return CommandParser.fromOptions(Subcommand.SCHEDULE.word(), List.of(), options, row.text());
    }

    /** One line, without the usage line that follows a mistake in a typed command. */
    private static String reason(UserError e) {
        String message = e.getMessage();
        int usage = message.indexOf(" Usage: ");
        String line = (usage < 0 ? message : message.substring(0, usage)).replaceAll("\\s+", " ").strip();
        line = line.isEmpty() ? line : Character.toUpperCase(line.charAt(0)) + line.substring(1);
        return line.length() > REASON ? line.substring(0, REASON - 1) + "…" : line;
    }

    private static String lines(Map<Integer, String> bad) {
        StringBuilder out = new StringBuilder();
        bad.entrySet().stream().limit(NAMED).forEach(e -> out.append("Line ").append(e.getKey()).append(": ")
                .append(e.getValue()).append('\n'));
        if (bad.size() > NAMED) {
            out.append("…and ").append(count(bad.size() - NAMED, "more row")).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static String scheduled(List<Post> kept, Caller caller) {
        StringBuilder out = new StringBuilder();
        kept.stream().limit(NAMED).forEach(p -> out.append("`").append(p.shortId()).append("` ")
                .append(Times.format(p.scheduledAt(), caller.zone())).append(" → ")
                .append(String.join(", ", p.targets().stream().map(t -> t.platform().displayName() + " "
                        + t.accountLabel()).toList()))
                .append(p.status() == PostStatus.SCHEDULED ? "" : " (" + p.status().text() + ")").append('\n'));
        if (kept.size() > NAMED) {
            out.append("…and ").append(count(kept.size() - NAMED, "more post")).append('\n');
        }
        return out.toString().stripTrailing();
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
