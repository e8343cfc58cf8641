package com.ailsocialautomation.command;

import com.ailsocialautomation.schedule.ExampleDate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import com.ailsocialautomation.message.Reply;

/** The replies to {@code /ail help} and {@code /ail help <subcommand>}, built from {@link Commands}. */
public final class HelpText {
    private HelpText() {}

    /**
     * Every subcommand with its usage and what it does, where the calendars are ({@code calendarUrl}: the web
     * calendar's address), plus where the privacy policy and the terms are and whom to write to.
     */
    public static Reply overview(String calendarUrl, String privacyUrl, String termsUrl, String contactEmail) {
        StringBuilder text = new StringBuilder("*AIL* publishes and schedules posts on your team's social accounts.\n");
        for (CommandSpec spec : Commands.all()) {
            text.append('\n').append('`').append(spec.usage()).append("` — ").append(spec.description());
        }
        text.append("\n\nExamples for each: `/ail help <subcommand>`, e.g. `/ail help schedule`.");
        text.append("\n\n*Calendar*: in Slack, open AIL's Home tab (click AIL under Apps) for this week and next, day by day, "
                + "with buttons to open, edit, reschedule or cancel each post. In a browser, ").append(calendarUrl)
                .append(" shows a month or a week of your workspaces' posts after you sign in with Slack or Discord; "
                        + "drag a post to another day to reschedule it. For example: open ").append(calendarUrl)
                .append(", choose Sign in with Slack, then drag Monday's post to Tuesday.");
        return Reply.of(text.toString())
                .withField("Privacy policy", privacyUrl)
                .withField("Terms of service", termsUrl)
                .withField("Contact", contactEmail);
    }

    /** One subcommand's usage, details and examples; a UserError listing the subcommands for an unknown name. */
    public static Reply of(String subcommand, Instant now, ZoneId zone) {
        return of(subcommand, ExampleDate.next(now, zone));
    }

    /** As above, with the example date left as YYYY-MM-DD (no clock at hand). */
    public static Reply of(String subcommand) {
        return of(subcommand, "YYYY-MM-DD");
    }

    /** Discord offers only the primary options as fields; the help says where the others go (its more option). */
    private static String onDiscord(CommandSpec spec) {
        List<String> keys = spec.options().stream().filter(o -> !o.primary()).map(o -> o.key() + ":").toList();
        String listed = keys.size() == 1 ? keys.get(0)
                : String.join(", ", keys.subList(0, keys.size() - 1)) + " and " + keys.get(keys.size() - 1);
        String example = keys.stream().limit(2).map(k -> k + "…").collect(Collectors.joining(" "));
        return "On Discord, type " + listed + " in the `more` option, as you would here: `more: " + example + "`.";
    }

    private static Reply of(String subcommand, String exampleDate) {
        CommandSpec spec = Commands.get(subcommand);
        StringBuilder text = new StringBuilder("*/ail ").append(spec.name()).append("* — ").append(spec.description())
                .append("\nUsage: `").append(spec.usage()).append('`');
        if (!spec.details().isEmpty()) {
            text.append('\n').append(spec.details());
        }
        if (spec.hasSecondaryOptions()) {
            text.append('\n').append(onDiscord(spec));
        }
        return Reply.of(text.toString().replace(ExampleDate.MARK, exampleDate))
                .withField("Examples", String.join("\n", spec.examples()).replace(ExampleDate.MARK, exampleDate));
    }
}
