package com.ailsocialautomation.fakes;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Discord's rules for application command definitions, as its API applies them to a bulk overwrite: names of 1-32
 * lower-case letters, digits, '-' or '_', descriptions of 1-100 characters, at most 25 options and 25 choices, option
 * types 1-11, choices only on string, integer and number options, nested options only under sub-commands and groups,
 * required options before optional ones, unique names per level, string lengths within 0-6000, autocomplete never
 * with choices, and at most 4,000 characters of names, descriptions and choice values per command. User and message
 * commands (types 2 and 3, the context menus) have names of 1-32 characters in any case with spaces, no description
 * and no options, and an application has at most five of each. Fields outside the schema are refused too, so a
 * misspelt field cannot pass unnoticed.
 */
final class DiscordCommandSchema {
    private static final Pattern NAME = Pattern.compile("^[-_'\\p{Ll}\\p{Lo}\\p{N}\\p{sc=Deva}\\p{sc=Thai}]{1,32}$");
    private static final Set<String> COMMAND_FIELDS = Set.of("id", "type", "name", "name_localizations", "description",
            "description_localizations", "options", "default_member_permissions", "dm_permission", "default_permission",
            "nsfw", "integration_types", "contexts", "handler");
    private static final Set<String> OPTION_FIELDS = Set.of("type", "name", "name_localizations", "description",
            "description_localizations", "required", "choices", "options", "channel_types", "min_value", "max_value",
            "min_length", "max_length", "autocomplete");
    private static final int CHAT_INPUT = 1;
    private static final int USER = 2;
    private static final int MESSAGE = 3;
    /** Discord's cap on user commands, and on message commands, per application (or guild). */
    private static final int CONTEXT_MENUS = 5;
    private static final int SUB_COMMAND = 1;
    private static final int SUB_COMMAND_GROUP = 2;
    private static final Set<Integer> WITH_CHOICES = Set.of(3, 4, 10);

    private DiscordCommandSchema() {}

    /** What is wrong with the first command that breaks a rule ("ail.options[2].description: ..."), or null. */
    static String problem(JsonNode commands) {
        if (!commands.isArray() || commands.size() > 100) {
            return "a bulk overwrite is an array of at most 100 commands";
        }
        Set<String> names = new HashSet<>();
        Map<Integer, Integer> perType = new HashMap<>();
        for (JsonNode command : commands) {
            String where = command.path("name").asText("?");
            int type = command.path("type").asInt(CHAT_INPUT);
            String problem = unknownField(command, COMMAND_FIELDS, where);
            if (problem == null && type != CHAT_INPUT) {
                problem = contextMenu(command, type, where);
            } else if (problem == null) {
                problem = nameAndDescription(command, where);
            }
            if (problem == null && !names.add(type + ":" + command.path("name").asText())) {
                problem = where + ": two commands of one type with one name";
            }
            if (problem == null && perType.merge(type, 1, Integer::sum) > (type == CHAT_INPUT ? 100 : CONTEXT_MENUS)) {
                problem = where + ": at most " + CONTEXT_MENUS + " user and " + CONTEXT_MENUS + " message commands";
            }
            if (problem == null) {
                problem = options(command.path("options"), where, 0);
            }
            if (problem == null && longestLocale(command) > 4000) {
                problem = where + ": more than 4000 characters of names, descriptions and values";
            }
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /**
     * A user (2) or message (3) command, listed in a context menu: a name of 1-32 characters in any case, spaces
     * allowed; no description (an empty one at most) and no options.
     */
    private static String contextMenu(JsonNode command, int type, String where) {
        String name = command.path("name").asText("");
        if (type != USER && type != MESSAGE) {
            return where + ".type: 1 (chat input), 2 (user) or 3 (message)";
        }
        if (name.isBlank() || name.length() > 32 || !name.equals(name.strip())) {
            return where + ".name: 1-32 characters";
        }
        if (!command.path("description").asText("").isEmpty()) {
            return where + ".description: must be empty for user and message commands";
        }
        if (command.path("options").size() > 0) {
            return where + ".options: only chat input commands have options";
        }
        return null;
    }

    private static String options(JsonNode options, String where, int depth) {
        if (options.isMissingNode() || options.isNull()) {
            return null;
        }
        if (!options.isArray() || options.size() > 25) {
            return where + ".options: at most 25";
        }
        Set<String> names = new HashSet<>();
        boolean optionalSeen = false;
        for (int i = 0; i < options.size(); i++) {
            JsonNode option = options.get(i);
            String at = where + ".options[" + i + "]";
            String problem = unknownField(option, OPTION_FIELDS, at);
            if (problem == null) {
                problem = nameAndDescription(option, at);
            }
            if (problem != null) {
                return problem;
            }
            int type = option.path("type").asInt(0);
            if (type < 1 || type > 11) {
                return at + ".type: must be 1-11";
            }
            if (!names.add(option.path("name").asText())) {
                return at + ".name: not unique";
            }
            boolean nesting = type == SUB_COMMAND || type == SUB_COMMAND_GROUP;
            if (nesting && (depth == 2 || depth == 1 && type == SUB_COMMAND_GROUP)) {
                return at + ": a sub-command can only sit under a command or a group";
            }
            if (!nesting && option.has("options")) {
                return at + ".options: only sub-commands and groups have options";
            }
            if (nesting && option.has("required")) {
                return at + ".required: not for sub-commands";
            }
            boolean required = option.path("required").asBoolean(false);
            if (!nesting && required && optionalSeen) {
                return at + ": required options come before optional ones";
            }
            optionalSeen |= !nesting && !required;
            problem = choices(option, type, at);
            if (problem == null && (option.has("min_length") || option.has("max_length"))) {
                problem = type != 3 || option.path("min_length").asInt(0) < 0 || option.path("min_length").asInt(0) > 6000
                        || option.has("max_length") && (option.path("max_length").asInt() < 1 || option.path("max_length").asInt() > 6000)
                        ? at + ": min_length/max_length are for string options, within 0-6000" : null;
            }
            if (problem == null && nesting) {
                problem = options(option.path("options"), at, depth + 1);
            }
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String choices(JsonNode option, int type, String at) {
        JsonNode choices = option.path("choices");
        if (choices.isMissingNode() || choices.isNull()) {
            return null;
        }
        if (!WITH_CHOICES.contains(type) || !choices.isArray() || choices.size() > 25) {
            return at + ".choices: at most 25, on string, integer and number options only";
        }
        if (option.path("autocomplete").asBoolean(false) && !choices.isEmpty()) {
            return at + ": autocomplete cannot have choices";
        }
        for (JsonNode choice : choices) {
            int name = choice.path("name").asText("").length();
            if (name < 1 || name > 100 || type == 3 && choice.path("value").asText("").length() > 100) {
                return at + ".choices: names of 1-100 characters, string values of at most 100";
            }
        }
        return null;
    }

    private static String nameAndDescription(JsonNode node, String where) {
        if (!NAME.matcher(node.path("name").asText("")).matches()) {
            return where + ".name: 1-32 lower-case letters, digits, '-' or '_'";
        }
        int description = node.path("description").asText("").length();
        if (node.path("type").asInt(1) == 1 || node.has("description")) {
            if (description < 1 || description > 100) {
                return where + ".description: 1-100 characters";
            }
        }
        for (String field : new String[] {"name_localizations", "description_localizations"}) {
            Iterator<JsonNode> values = node.path(field).elements();
            while (values.hasNext()) {
                String value = values.next().asText("");
                boolean ok = field.startsWith("name") ? NAME.matcher(value).matches() : !value.isEmpty() && value.length() <= 100;
                if (!ok) {
                    return where + "." + field + ": the same limits as the field itself";
                }
            }
        }
        return null;
    }

    private static String unknownField(JsonNode node, Set<String> known, String where) {
        Iterator<String> fields = node.fieldNames();
        while (fields.hasNext()) {
            String field = fields.next();
            if (!known.contains(field)) {
                return where + "." + field + ": not a field of an application command";
            }
        }
        return null;
    }

    /** Discord counts names, descriptions and choice values toward 4,000 per command, in each locale. */
    private static int longestLocale(JsonNode command) {
        Set<String> locales = new HashSet<>();
        command.findValues("name_localizations").forEach(l -> l.fieldNames().forEachRemaining(locales::add));
        command.findValues("description_localizations").forEach(l -> l.fieldNames().forEachRemaining(locales::add));
        int longest = characters(command, null);
        for (String locale : locales) {
            longest = Math.max(longest, characters(command, locale));
        }
        return longest;
    }

    private static int characters(JsonNode node, String locale) {
        int count = localized(node, "name", locale).length() + localized(node, "description", locale).length();
        for (JsonNode choice : node.path("choices")) {
            count += localized(choice, "name", locale).length() + choice.path("value").asText("").length();
        }
        for (JsonNode option : node.path("options")) {
            count += characters(option, locale);
        }
        return count;
    }

    private static String localized(JsonNode node, String field, String locale) {
        JsonNode translated = locale == null ? null : node.path(field + "_localizations").get(locale);
        return translated != null && translated.isTextual() ? translated.asText() : node.path(field).asText("");
    }
}
