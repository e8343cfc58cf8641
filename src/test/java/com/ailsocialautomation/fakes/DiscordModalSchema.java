package com.ailsocialautomation.fakes;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Set;

/**
 * Discord's rules for a modal (interaction response type 9), as its API applies them: a custom_id of 1-100
 * characters, a title of 1-45, one to five top-level components, each a Label (type 18: label 1-45, description at
 * most 100, holding one text input or select) or a Text Display (type 10: content 1-4,000), or the older action row
 * holding one text input with its own label. A text input (type 4) has a unique custom_id of 1-100, style 1 (short)
 * or 2 (paragraph), lengths within 0-4,000, a placeholder of at most 100 and a prefilled value within its max_length;
 * inside a Label it has no label of its own.
 */
final class DiscordModalSchema {
    private static final int ACTION_ROW = 1;
    private static final int TEXT_INPUT = 4;
    private static final int TEXT_DISPLAY = 10;
    private static final int LABEL = 18;
    /** What else a Label may hold: the select menus (3, 5-8), file upload (19), radio and checkbox groups (21-23). */
    private static final Set<Integer> OTHER_CHILDREN = Set.of(3, 5, 6, 7, 8, 19, 21, 22, 23);

    private DiscordModalSchema() {}

    /** What is wrong with the modal's data ("components[2].component.value: ..."), or null. */
    static String problem(JsonNode modal) {
        if (!within(modal.path("custom_id"), 1, 100)) {
            return "custom_id: 1-100 characters";
        }
        if (!within(modal.path("title"), 1, 45)) {
            return "title: 1-45 characters";
        }
        JsonNode components = modal.path("components");
        if (!components.isArray() || components.isEmpty() || components.size() > 5) {
            return "components: 1-5";
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < components.size(); i++) {
            JsonNode component = components.get(i);
            String at = "components[" + i + "]";
            String problem = switch (component.path("type").asInt()) {
                case LABEL -> label(component, at, ids);
                case TEXT_DISPLAY -> within(component.path("content"), 1, 4000) ? null : at + ".content: 1-4000 characters";
                case ACTION_ROW -> component.path("components").size() == 1
                        && component.path("components").get(0).path("type").asInt() == TEXT_INPUT
                        ? textInput(component.path("components").get(0), at + ".components[0]", ids, true)
                        : at + ": an action row in a modal holds one text input";
                default -> at + ".type: a modal holds labels, text displays or action rows";
            };
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String label(JsonNode label, String at, Set<String> ids) {
        if (!within(label.path("label"), 1, 45)) {
            return at + ".label: 1-45 characters";
        }
        if (present(label, "description") && !within(label.path("description"), 0, 100)) {
            return at + ".description: at most 100 characters";
        }
        JsonNode child = label.path("component");
        int type = child.path("type").asInt();
        if (type == TEXT_INPUT) {
            return textInput(child, at + ".component", ids, false);
        }
        return OTHER_CHILDREN.contains(type) ? null : at + ".component: a text input or select";
    }

    private static String textInput(JsonNode input, String at, Set<String> ids, boolean ownLabel) {
        if (!within(input.path("custom_id"), 1, 100) || !ids.add(input.path("custom_id").asText())) {
            return at + ".custom_id: 1-100 characters, unique in the modal";
        }
        int style = input.path("style").asInt();
        if (style != 1 && style != 2) {
            return at + ".style: 1 (short) or 2 (paragraph)";
        }
        if (ownLabel != present(input, "label") || ownLabel && !within(input.path("label"), 1, 45)) {
            return at + ".label: " + (ownLabel ? "1-45 characters" : "given by the Label around it, not the input");
        }
        int min = input.path("min_length").asInt(0);
        int max = input.path("max_length").asInt(4000);
        if (min < 0 || min > 4000 || max < 1 || max > 4000 || min > max) {
            return at + ".min_length/max_length: within 0-4000";
        }
        if (present(input, "placeholder") && !within(input.path("placeholder"), 0, 100)) {
            return at + ".placeholder: at most 100 characters";
        }
        if (present(input, "value") && !within(input.path("value"), 0, max)) {
            return at + ".value: at most max_length characters";
        }
        return null;
    }

    /** Discord takes an optional field given as null as not given. */
    private static boolean present(JsonNode node, String field) {
        return node.hasNonNull(field);
    }

    private static boolean within(JsonNode text, int min, int max) {
        return text.isTextual() && text.asText().length() >= min && text.asText().length() <= max;
    }
}
