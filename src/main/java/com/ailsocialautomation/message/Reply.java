package com.ailsocialautomation.message;

import java.util.ArrayList;
import java.util.List;

/**
 * What the command layer answers, independent of any chat platform. Each front end renders it:
 * Slack as Block Kit, Discord as an embed with components, the console as plain text.
 *
 * @param text      the main message (plain text with *bold* and `code` marks that front ends may render)
 * @param fields    label/value pairs shown under the text
 * @param buttons   actions; a button's action id is {@code action:arg}, e.g. {@code retry:p7k2q}
 * @param ephemeral true: only the caller sees it (the default); false: posted for the channel
 * @param file      a document to hand to the caller (my-data), or null
 * @param form      a form to show (a Slack or Discord modal, console prompts), or null
 */
public record Reply(String text, List<Field> fields, List<Button> buttons, boolean ephemeral, File file, Form form) {

    public record Field(String label, String value) {}

    public record Button(String label, String actionId, Style style) {
        public enum Style { DEFAULT, PRIMARY, DANGER }
    }

    /**
     * A form for the caller. Submitting it calls the command layer's submit with {@code submitAction} and the
     * values by input id. Secret inputs (an app password) are masked where the front end can, and never echoed.
     */
    public record Form(String title, String submitAction, List<Input> inputs) {
        public Form {
            inputs = List.copyOf(inputs);
        }
    }

    /**
     * One input of a form. A {@link Kind#TEXT} is typed; a {@link Kind#ONE_OF} picks one of {@code choices}; a
     * {@link Kind#PEOPLE} picks chat users, submitted as their mentions separated by commas, or as {@code none} when
     * nobody is picked. {@code initial} is what the input shows at first (words, or chat user ids for people).
     * Front ends that cannot show a kind show it as text.
     */
    public record Input(String id, String label, boolean secret, String placeholder, Kind kind, List<String> choices,
                        List<String> initial, String none) {
        public enum Kind { TEXT, ONE_OF, PEOPLE }

        public Input {
            choices = List.copyOf(choices);
            initial = List.copyOf(initial);
        }

        public Input(String id, String label, boolean secret, String placeholder) {
            this(id, label, secret, placeholder, Kind.TEXT, List.of(), List.of(), null);
        }

        public static Input oneOf(String id, String label, List<String> choices, String initial) {
            return new Input(id, label, false, null, Kind.ONE_OF, choices, initial == null ? List.of() : List.of(initial), null);
        }

        public static Input people(String id, String label, List<String> initial, String none) {
            return new Input(id, label, false, null, Kind.PEOPLE, List.of(), initial, none);
        }
    }

    /** A file for the caller: a name such as {@code ail-my-data.json}, its media type and content. */
    public record File(String name, String mediaType, byte[] content) {}

    public Reply {
        fields = List.copyOf(fields);
        buttons = List.copyOf(buttons);
    }

    public static Reply of(String text) {
        return new Reply(text, List.of(), List.of(), true, null, null);
    }

    public Reply withField(String label, String value) {
        List<Field> more = new ArrayList<>(fields);
        more.add(new Field(label, value));
        return new Reply(text, more, buttons, ephemeral, file, form);
    }

    public Reply withButton(String label, String actionId, Button.Style style) {
        List<Button> more = new ArrayList<>(buttons);
        more.add(new Button(label, actionId, style));
        return new Reply(text, fields, more, ephemeral, file, form);
    }

    public Reply withFile(File attached) {
        return new Reply(text, fields, buttons, ephemeral, attached, form);
    }

    public Reply visibleToChannel() {
        return new Reply(text, fields, buttons, false, file, form);
    }

    public Reply withForm(Form shown) {
        return new Reply(text, fields, buttons, ephemeral, file, shown);
    }

    /** The reply as plain text: the text, then one line per field, then the buttons as hints. */
    public String toPlainText() {
        StringBuilder sb = new StringBuilder(text);
        for (Field f : fields) {
            sb.append('\n').append("  ").append(f.label()).append(": ").append(f.value());
        }
        if (!buttons.isEmpty()) {
            sb.append('\n').append("  actions:");
            for (Button b : buttons) {
                sb.append(" [").append(b.label()).append(" → ").append(b.actionId()).append(']');
            }
        }
        return sb.toString();
    }
}
