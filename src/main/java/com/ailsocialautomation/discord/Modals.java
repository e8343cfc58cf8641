package com.ailsocialautomation.discord;

import com.ailsocialautomation.command.ParsedCommand;
import com.ailsocialautomation.message.Reply;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.modals.Modal;

/**
 * The modals we show: the text of {@code /ail post}, {@code schedule} or {@code edit} typed without it (room for
 * long posts; the options already given wait in {@link ComponentIds}), and the command layer's forms. In JDA 6 a
 * text input has no label of its own: each sits in a {@link Label}.
 */
final class Modals {
    static final String TEXT_INPUT = "text";
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
