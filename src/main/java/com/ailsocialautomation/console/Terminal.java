package com.ailsocialautomation.console;

import com.ailsocialautomation.command.Commands;
import com.ailsocialautomation.message.Reply;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reply as a terminal shows it: Slack-style marks rendered (bold as bold on a terminal, plain when piped; links
 * as "label (url)"), and each button that runs a command shown as the command to type, which the console runs as
 * typed. Buttons that only confirm (forget-me) are asked for as yes/no by {@link ConsoleSession} instead.
 */
final class Terminal {
    private static final Pattern LINK = Pattern.compile("<((?:https?|mailto):[^|>\\s]+)(?:\\|([^>]*))?>");
    // *bold* as Slack reads it: the stars hug a word on both sides and are not part of one.
    private static final Pattern BOLD = Pattern.compile("(?<![\\w*])\\*(\\S(?:[^*\\n]*?\\S)?)\\*(?![\\w*])");
    private static final String BOLD_ON = "\u001B[1m";
    private static final String BOLD_OFF = "\u001B[0m";

    private Terminal() {}

    static String render(Reply reply, boolean ansi) {
        StringBuilder sb = new StringBuilder(text(reply.text(), ansi));
        for (Reply.Field f : reply.fields()) {
            sb.append("\n  ").append(text(f.label(), ansi)).append(": ").append(text(f.value(), ansi));
        }
        List<String> typable = commands(reply.buttons());
        if (!typable.isEmpty()) {
            sb.append("\n  Type: ").append(String.join("  ·  ", typable));
        }
        return sb.toString();
    }

    /** The commands behind buttons of the form {@code subcommand:arg} ({@code cancel:p3ph9} is {@code cancel p3ph9}). */
    static List<String> commands(List<Reply.Button> buttons) {
        return buttons.stream()
                .map(Reply.Button::actionId)
                .filter(id -> id.indexOf(':') > 0 && Commands.find(id.substring(0, id.indexOf(':'))).isPresent())
                .map(id -> id.replaceFirst(":", " "))
                .toList();
    }

    static String text(String mrkdwn, boolean ansi) {
        if (mrkdwn == null) {
            return "";
        }
        Matcher link = LINK.matcher(mrkdwn);
        StringBuilder out = new StringBuilder();
        while (link.find()) {
            String url = link.group(1);
            String label = link.group(2);
            String shown = label == null || label.isBlank() || label.equals(url) ? url : label + " (" + url + ")";
            link.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        link.appendTail(out);
        return BOLD.matcher(out).replaceAll(m -> Matcher.quoteReplacement(
                ansi ? BOLD_ON + m.group(1) + BOLD_OFF : m.group(1)));
    }
}
