package com.ailsocialautomation.slack;

import com.ailsocialautomation.command.Calendar;
import com.ailsocialautomation.command.CommandService;
import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.message.Reply;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * This week and next on App Home: a header per day that has posts, each post's time in the viewer's zone, its
 * targets and state, and the buttons the viewer may use (open; edit, reschedule and cancel for its author or an
 * admin while it is scheduled). Every button names the command it runs and the post, so it works after a restart,
 * and the command layer checks the presser's rights again when it runs.
 */
final class HomeCalendar {
    static final int DAYS = 14;
    /** The origin of a form opened from App Home: its outcome is shown on the refreshed home. */
    static final String FROM_HOME = "app-home";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
    /** Accounts whose queue times get a line, and the times on each line: the queue stays a few lines. */
    static final int QUEUE_LINES = 4;
    static final int SLOTS_PER_LINE = 4;
    private static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final Calendar calendar;
    private final Clock clock;

    HomeCalendar(Calendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /** At most {@code budget} blocks (two per post and one per day); what does not fit is counted at the end. */
    List<LayoutBlock> blocks(Invocation invocation, int budget) {
        LocalDate monday = Calendar.weekOf(calendar.today(invocation, clock));
        Calendar.Span span = calendar.days(invocation, monday, DAYS, budget);
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header("This week and next"));
        queueLines(span).forEach(line -> blocks.add(Blocks.note(line)));
        int left = 0;
        for (Calendar.Day day : span.days()) {
            for (Calendar.Entry entry : day.entries()) {
                if (blocks.size() + 4 > budget) { // a day's header, the post, its buttons, and the "more" line
                    left++;
                    continue;
                }
                if (day.entries().get(0) == entry) {
                    blocks.add(header(DAY.format(day.date())));
                }
                blocks.add(Blocks.section(line(entry)));
                blocks.add(ActionsBlock.builder().elements(buttons(entry)).build());
            }
        }
        int more = left + span.more();
        if (blocks.size() == 1) {
            blocks.add(Blocks.note("Nothing is due this week or next. Try `/ail schedule at:\"tomorrow 09:00\" <text>`."));
        }
        if (more > 0) {
            blocks.add(Blocks.note("and " + more + " more: `/ail list`"));
        }
        return blocks;
    }

    /**
     * One line per account with queue times still to come in the span, its next few: "Queue a3f9k: Mon 09:30 (free),
     * Wed 09:30 (taken by p7k2q)". At most {@link #QUEUE_LINES} accounts, then a line that says how many more.
     */
    private List<String> queueLines(Calendar.Span span) {
        java.time.LocalDateTime now = java.time.LocalDateTime.ofInstant(clock.instant(), span.zone());
        java.util.Map<String, List<String>> byAccount = new java.util.LinkedHashMap<>();
        span.days().stream().flatMap(d -> d.slots().stream()).filter(slot -> slot.local().isAfter(now))
                .sorted(java.util.Comparator.comparing(Calendar.Slot::local))
                .forEach(slot -> byAccount.computeIfAbsent(slot.account(), a -> new ArrayList<>()).add(
                        SLOT.format(slot.local()) + (slot.takenBy() == null ? " (free)" : " (taken by " + slot.takenBy() + ")")));
        List<String> lines = new ArrayList<>();
        byAccount.forEach((account, times) -> lines.add("Queue " + Blocks.escape(account) + ": "
                + String.join(", ", times.subList(0, Math.min(SLOTS_PER_LINE, times.size())))
                + (times.size() > SLOTS_PER_LINE ? " and " + (times.size() - SLOTS_PER_LINE) + " more" : "")));
        if (lines.size() > QUEUE_LINES) {
            int more = lines.size() - QUEUE_LINES;
            lines.subList(QUEUE_LINES, lines.size()).clear();
            lines.add("and " + more + " more queues: `/ail queue`");
        }
        return lines;
    }

    private static String line(Calendar.Entry e) {
        String targets = e.targets().stream().map(t -> t.platform() + " " + t.account() + " (" + t.state() + ")")
                .collect(Collectors.joining(", "));
        return "*" + TIME.format(e.local()) + "* · *" + e.shortId() + "* · " + e.status() + " → "
                + Blocks.escape(targets) + "\n“" + Blocks.escape(e.snippet()) + "”";
    }

    private static List<BlockElement> buttons(Calendar.Entry e) {
        List<BlockElement> row = new ArrayList<>();
        row.add(Blocks.button(new Reply.Button("Open", "show:" + e.shortId(), Reply.Button.Style.DEFAULT)));
        if (e.acts().contains(Calendar.Act.EDIT)) {
            row.add(form("Edit", "edit", new Reply.Form("Edit " + e.shortId(), "edit:" + e.shortId(),
                    List.of(new Reply.Input(CommandService.TEXT, "New text (replaces the whole text)", false, e.snippet())))));
        }
        if (e.acts().contains(Calendar.Act.RESCHEDULE)) {
            row.add(form("Reschedule", "reschedule", new Reply.Form("Reschedule " + e.shortId(), "reschedule:" + e.shortId(),
                    List.of(new Reply.Input("at", "New time (like tomorrow 09:00, fri 9:30 or 2026-12-24 09:00)", false,
                            "tomorrow 09:00")))));
        }
        if (e.acts().contains(Calendar.Act.CANCEL)) {
            row.add(ButtonElement.builder().text(plain("Cancel")).actionId("cancel:" + e.shortId())
                    .value("cancel:" + e.shortId()).style("danger")
                    .confirm(ConfirmationDialogObject.builder().title(plain("Cancel this post?"))
                            .text(plain(Blocks.cut("Post " + e.shortId() + " will not be published.", 300)))
                            .confirm(plain("Cancel the post")).deny(plain("Keep it")).style("danger").build())
                    .build());
        }
        return row;
    }

    /** A button that opens {@code form} as a modal; the form travels in the button, so it needs nothing kept. */
    private static ButtonElement form(String label, String name, Reply.Form form) {
        return ButtonElement.builder().text(plain(label)).actionId(FormModal.OPEN_ACTION + ":" + name)
                .value(new FormModal.Pending(form, FROM_HOME).encode()).build();
    }

    private static HeaderBlock header(String text) {
        return HeaderBlock.builder().text(plain(Blocks.cut(text, 150))).build();
    }

    private static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).build();
    }
}
