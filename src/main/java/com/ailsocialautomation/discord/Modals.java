package com.ailsocialautomation.discord;

import com.ailsocialautomation.command.ParsedCommand;
import com.ailsocialautomation.message.Reply;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textdisplay.TextDisplay;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.modals.Modal;

/**
 * The modals we show: the text of {@code /ail post}, {@code schedule} or {@code edit} typed without it (room for
 * long posts; the options already given wait in {@link ComponentIds}), the form of "Post with AIL" on a message,
 * and the command layer's forms. In JDA 6 a text input has no label of its own: each sits in a {@link Label}.
 */
final class Modals {
    static final String TEXT_INPUT = "text";
    static final String ACCOUNTS_INPUT = "to";
    static final String WHEN_INPUT = "when";
    static final String ALT_INPUT = "alt";
    private static final int TITLE = Modal.MAX_TITLE_LENGTH;
    private static final int LABEL = 45;

    private final ComponentIds ids;

    Modals(ComponentIds ids) {
        this.ids = ids;
    }

    Modal text(ParsedCommand partial, String workspace, String userId) {
        String id = ids.modal(new ComponentIds.Pending(workspace, userId, partial, null));
        TextInput text = TextInput.create(TEXT_INPUT, TextInputStyle.PARAGRAPH)
                .setRequired(true)
                .setMaxLength(TextInput.MAX_VALUE_LENGTH)
                .setPlaceholder("What to publish, exactly as it should appear")
                .build();
        return Modal.create(id, "/ail " + partial.name()).addComponents(Label.of("Text", text)).build();
    }

    /**
     * "Post with AIL": accounts, when, the message's text and one alt-text line per file (Discord's five inputs at
     * most), and a line naming the files left out. Every field may stay empty; the command's checks decide.
     */
    Modal share(SharedMessage shared, String workspace, String userId) {
        String id = ids.modal(new ComponentIds.Pending(workspace, userId, null, null, shared));
        Modal.Builder modal = Modal.create(id, MessageCommand.NAME).addComponents(
                Label.of("Accounts", "Comma-separated, as to: takes them; empty: as /ail post without to:",
                        optional(ACCOUNTS_INPUT, TextInputStyle.SHORT, "mastodon,bluesky", "")),
                Label.of("When", "Empty: now; else as at: takes it",
                        optional(WHEN_INPUT, TextInputStyle.SHORT, "tomorrow 09:00, fri 9:30 or in 2h", "")),
                Label.of("Text", optional(TEXT_INPUT, TextInputStyle.PARAGRAPH, "What to publish", shared.text())));
        if (!shared.files().isEmpty()) {
            String names = String.join(", ", shared.files().stream().map(f -> f.fileName()).toList());
            modal.addComponents(Label.of("Alt text, one line per file",
                    Messages.cut("In order: " + names, Label.DESCRIPTION_MAX_LENGTH),
                    optional(ALT_INPUT, TextInputStyle.PARAGRAPH, "An empty line: no alt text for that file", shared.altLines())));
        }
        if (!shared.skipped().isEmpty()) {
            modal.addComponents(TextDisplay.of(Messages.cut("Left out: " + String.join(", ", shared.skipped())
                    + " (only images and videos are posted, at most " + SharedMessage.MAX_FILES + ")", TextInput.MAX_VALUE_LENGTH)));
        }
        return modal.build();
    }

    private static TextInput optional(String id, TextInputStyle style, String placeholder, String value) {
        TextInput.Builder input = TextInput.create(id, style).setRequired(false).setMaxLength(TextInput.MAX_VALUE_LENGTH)
                .setPlaceholder(placeholder);
        if (!value.isBlank()) {
            input.setValue(Messages.cut(value, TextInput.MAX_VALUE_LENGTH));
        }
        return input.build();
    }

    /** A form of the command layer (at most five inputs). Discord cannot mask a secret input; it is never echoed. */
    Modal form(Reply.Form form, String workspace, String userId) {
        String id = ids.modal(new ComponentIds.Pending(workspace, userId, null, form));
        Modal.Builder modal = Modal.create(id, Messages.cut(form.title(), TITLE));
        form.inputs().stream().limit(Modal.MAX_COMPONENTS).forEach(input -> {
            TextInput.Builder field = TextInput.create(input.id(), TextInputStyle.SHORT).setRequired(true);
            if (input.placeholder() != null && !input.placeholder().isBlank()) {
                field.setPlaceholder(Messages.cut(input.placeholder(), TextInput.MAX_PLACEHOLDER_LENGTH));
            }
            modal.addComponents(Label.of(Messages.cut(input.label(), LABEL), field.build()));
        });
        return modal.build();
    }
}
