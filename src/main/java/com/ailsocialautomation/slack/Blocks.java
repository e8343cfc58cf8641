package com.ailsocialautomation.slack;

import com.ailsocialautomation.message.Reply;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;

import java.util.ArrayList;
import java.util.List;

/**
 * A neutral {@link Reply} as Block Kit, within Slack's limits: at most 50 blocks in a message (100 in a view),
 * 3000 characters in a section's text, 10 fields of 2000 characters in a section, 25 elements in an actions block,
 * 75 characters on a button. Long text is split into sections at line ends; what still does not fit is cut
 * with a note that says where to see the rest. {@code & < >} are escaped so text cannot ping or link by accident.
 */
final class Blocks {
    static final int MESSAGE_BLOCKS = 50;
    static final int VIEW_BLOCKS = 100;
    static final int SECTION_CHARS = 3000;
    static final int FIELD_CHARS = 2000;
    private static final int FIELDS_PER_SECTION = 10;
    private static final int BUTTONS_PER_ACTIONS = 25;
    private static final int BUTTON_CHARS = 75;

    private Blocks() {}

    static List<LayoutBlock> message(Reply reply) {
        return render(reply, MESSAGE_BLOCKS);
    }

    static List<LayoutBlock> render(Reply reply, int maxBlocks) {
        List<LayoutBlock> content = new ArrayList<>();
        for (String chunk : chunks(escape(reply.text()), SECTION_CHARS)) {
            content.add(SectionBlock.builder().text(markdown(chunk)).build());
        }
        List<TextObject> fields = new ArrayList<>();
        for (Reply.Field f : reply.fields()) {
            fields.add(markdown(cut("*" + escape(f.label()) + "*\n" + escape(f.value()), FIELD_CHARS)));
            if (fields.size() == FIELDS_PER_SECTION) {
                content.add(SectionBlock.builder().fields(fields).build());
                fields = new ArrayList<>();
            }
        }
        if (!fields.isEmpty()) {
            content.add(SectionBlock.builder().fields(fields).build());
        }
        List<LayoutBlock> actions = actions(reply.buttons());
        int room = maxBlocks - actions.size();
        if (content.size() > room) {
            content = new ArrayList<>(content.subList(0, Math.max(0, room - 1)));
            content.add(note("Cut to fit in Slack; `/ail list` and `/ail show <post>` show the rest."));
        }
        content.addAll(actions);
        return content;
    }

    static List<LayoutBlock> actions(List<Reply.Button> buttons) {
        List<LayoutBlock> blocks = new ArrayList<>();
        List<BlockElement> row = new ArrayList<>();
        for (Reply.Button b : buttons) {
            row.add(button(b));
            if (row.size() == BUTTONS_PER_ACTIONS) {
                blocks.add(ActionsBlock.builder().elements(row).build());
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            blocks.add(ActionsBlock.builder().elements(row).build());
        }
        return blocks;
    }

    static ButtonElement button(Reply.Button b) {
        ButtonElement.ButtonElementBuilder button = ButtonElement.builder()
                .text(PlainTextObject.builder().text(cut(b.label(), BUTTON_CHARS)).build())
                .actionId(b.actionId()).value(b.actionId());
        if (b.style() == Reply.Button.Style.PRIMARY) {
            button.style("primary");
        } else if (b.style() == Reply.Button.Style.DANGER) {
            button.style("danger");
        }
        if (b.actionId().startsWith("confirm-")) {
            // A second, explicit yes before anything irreversible (forget-me).
            button.confirm(ConfirmationDialogObject.builder()
                    .title(PlainTextObject.builder().text("Are you sure?").build())
                    .text(PlainTextObject.builder().text(cut(b.label() + ": this cannot be undone.", 300)).build())
                    .confirm(PlainTextObject.builder().text("Yes, go ahead").build())
                    .deny(PlainTextObject.builder().text("No, keep everything").build())
                    .style("danger").build());
        }
        return button.build();
    }

    static SectionBlock section(String mrkdwn) {
        return SectionBlock.builder().text(markdown(cut(mrkdwn, SECTION_CHARS))).build();
    }

    static ContextBlock note(String mrkdwn) {
        return ContextBlock.builder().elements(List.of(markdown(cut(mrkdwn, SECTION_CHARS)))).build();
    }

    /** The plain text Slack shows in notifications and where blocks cannot be shown. */
    static String fallback(Reply reply) {
        return escape(cut(reply.text(), SECTION_CHARS)); // escaped like the blocks: a notification must not ping either
    }

    static MarkdownTextObject markdown(String text) {
        return MarkdownTextObject.builder().text(text.isEmpty() ? " " : text).build();
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /** Splits at line ends into pieces of at most {@code max} characters; a longer line is split where it must be. */
    static List<String> chunks(String text, int max) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String rest = line;
            while (rest.length() > max) {
                flush(out, current);
                int end = Character.isHighSurrogate(rest.charAt(max - 1)) ? max - 1 : max;
                out.add(rest.substring(0, end));
                rest = rest.substring(end);
            }
            if (current.length() > 0 && current.length() + 1 + rest.length() > max) {
                flush(out, current);
            }
            if (current.length() > 0) {
                current.append('\n');
            }
            current.append(rest);
        }
        flush(out, current);
        if (out.isEmpty()) {
            out.add("");
        }
        return out;
    }

    private static void flush(List<String> out, StringBuilder current) {
        if (current.length() > 0) {
            out.add(current.toString());
            current.setLength(0);
        }
    }
}
