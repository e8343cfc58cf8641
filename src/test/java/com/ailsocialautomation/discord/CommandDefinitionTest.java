package com.ailsocialautomation.discord;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.command.CommandSpec;
import com.ailsocialautomation.command.Commands;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandDefinitionTest {
    /** Run the tests with -Dail.writeManifests=true to rewrite the file from the code after a deliberate change. */
    private static final Path MANIFEST = Path.of("bot-manifests/discord/commands.json");
    // Discord's rule for command and option names, as its application-command documentation states it
    private static final Pattern NAME = Pattern.compile("^[-_\\p{L}\\p{N}\\p{sc=Deva}\\p{sc=Thai}]{1,32}$");

    @Test
    void theRegisteredDefinitionEqualsTheFileInBotManifests() throws IOException {
        String generated = CommandDefinition.manifest();
        if (Boolean.getBoolean("ail.writeManifests")) {
            Files.writeString(MANIFEST, generated + "\n", StandardCharsets.UTF_8);
        }
        JsonNode file = Json.MAPPER.readTree(Files.readString(MANIFEST, StandardCharsets.UTF_8));
        assertEquals(file, Json.MAPPER.readTree(generated),
                MANIFEST + " differs from what the bot registers; if the change is deliberate, rerun with -Dail.writeManifests=true");
    }

    @Test
    void postWithAilIsAMessageCommandBesideAilWhereverAilIsUsable() throws IOException {
        JsonNode all = Json.MAPPER.readTree(CommandDefinition.manifest());
        assertEquals(2, all.size(), "one bulk overwrite holds both commands: " + all);
        JsonNode ail = all.get(0);
        JsonNode share = all.get(1);
        assertEquals(List.of("ail", 1), List.of(ail.get("name").asText(), ail.get("type").asInt()));
        assertEquals(List.of("Post with AIL", 3), List.of(share.get("name").asText(), share.get("type").asInt()),
                "3 is MESSAGE: listed in a message's Apps menu");
        assertTrue(share.path("description").asText("").isEmpty() && share.path("options").isEmpty(),
                "a message command has neither description nor options, so nothing of it counts toward /ail's 4,000");
        assertEquals(ail.get("contexts"), share.get("contexts"), "usable in servers and in a DM with the bot, as /ail");
        assertEquals(ail.get("integration_types"), share.get("integration_types"));
    }

    @Test
    void everySubcommandOfTheTextGrammarIsASubcommandWithTheSameArgumentAndOptionNames() throws IOException {
        JsonNode root = Json.MAPPER.readTree(CommandDefinition.json());
        assertEquals("ail", root.get("name").asText());
        List<String> subcommands = new ArrayList<>();
        root.get("options").forEach(s -> subcommands.add(s.get("name").asText()));
        assertEquals(Commands.names(), subcommands);
        for (CommandSpec spec : Commands.all()) {
            JsonNode sub = subcommand(root, spec.name());
            List<String> names = new ArrayList<>();
            sub.path("options").forEach(o -> names.add(o.get("name").asText()));
            spec.args().forEach(a -> assertTrue(names.contains(a.name()), spec.name() + " lacks " + a.name()));
            spec.options().forEach(o -> assertEquals(o.primary(), names.contains(o.key()),
                    spec.name() + ": only primary options are native, the rest go in more: " + o.key()));
            assertEquals(spec.takesText(), names.contains("text"), spec.name());
            assertEquals(spec.hasSecondaryOptions(), names.contains(OptionTexts.MORE), spec.name());
        }
    }

    @Test
    void mediaIsAnAttachmentAndAccountsAndZonesAutocomplete() throws IOException {
        JsonNode root = Json.MAPPER.readTree(CommandDefinition.json());
        assertEquals(11, option(subcommand(root, "post"), "media").get("type").asInt(), "11 is ATTACHMENT");
        assertEquals(11, option(subcommand(root, "schedule"), "media-4").get("type").asInt());
        assertEquals(3, option(subcommand(root, "schedule"), "alt-4").get("type").asInt(), "3 is STRING: alt-4 describes media-4");
        String media = option(subcommand(root, "post"), "media").get("description").asText();
        assertTrue(media.startsWith("Up to 4 (10 via Post with AIL)"), "the option says how many it takes: " + media);
        for (com.ailsocialautomation.net.MediaType kind : com.ailsocialautomation.net.MediaType.values()) {
            assertTrue(media.contains(kind.displayName()), "and which kinds: " + media);
        }
        assertTrue(option(subcommand(root, "post"), "to").get("autocomplete").asBoolean());
        assertTrue(option(subcommand(root, "disconnect"), "account").get("autocomplete").asBoolean());
        assertTrue(option(subcommand(root, "timezone"), "zone").get("autocomplete").asBoolean());
        for (String[] completed : new String[][] {{"help", "subcommand"}, {"connect", "platform"}, {"list", "filter"}}) {
            JsonNode option = option(subcommand(root, completed[0]), completed[1]);
            assertTrue(option.get("autocomplete").asBoolean() && option.path("choices").isEmpty(),
                    completed[1] + ": a closed set of more than four values is completed, not listed: " + option);
        }
        assertEquals("[\"0\",\"1\"]", root.get("contexts").toString(), "usable in servers (0) and in a DM with the bot (1)");
    }

    @Test
    void postScheduleAndEditTakeThePerPlatformOptionsInMoreWhichLeavesRoomInDiscordsBudget() throws IOException {
        JsonNode root = Json.MAPPER.readTree(CommandDefinition.json());
        for (String name : List.of("post", "schedule", "draft", "edit")) {
            JsonNode sub = subcommand(root, name);
            assertEquals(3, option(sub, "more").get("type").asInt(), name + ": more is free text");
            for (String key : List.of("title", "privacy", "tags", "allow", "disclose")) {
                sub.path("options").forEach(o -> assertTrue(!o.get("name").asText().equals(key), name + " still has " + key));
            }
        }
        assertTrue(characters(root) <= 4000, characters(root) + " characters; Discord takes at most 4,000 for all of /ail");
    }

    @Test
    void theDefinitionRespectsDiscordsLimits() throws IOException {
        JsonNode root = Json.MAPPER.readTree(CommandDefinition.json());
        checkNamed(root);
        assertTrue(root.get("options").size() <= 25, "at most 25 subcommands");
        for (JsonNode sub : root.get("options")) {
            checkNamed(sub);
            assertEquals(1, sub.get("type").asInt(), "a subcommand");
            JsonNode options = sub.path("options");
            assertTrue(options.size() <= 25, sub.get("name") + ": at most 25 options");
            boolean optionalSeen = false;
            for (JsonNode option : options) {
                checkNamed(option);
                boolean required = option.path("required").asBoolean(false);
                assertTrue(!required || !optionalSeen, "required options come first in " + sub.get("name"));
                optionalSeen |= !required;
                assertTrue(option.path("choices").size() <= 25, option.get("name") + ": at most 25 choices");
                assertTrue(!(option.path("autocomplete").asBoolean(false) && option.path("choices").size() > 0),
                        "autocomplete and choices exclude each other");
                for (JsonNode choice : option.path("choices")) {
                    String name = choice.get("name").asText();
                    assertTrue(!name.isEmpty() && name.length() <= 100, "choice names are 1-100 characters");
                    assertTrue(choice.get("value").asText().length() <= 100, "choice values are at most 100 characters");
                }
            }
        }
        assertTrue(characters(root) <= 8000, "Discord caps the names, descriptions and choices of a command at 8000 characters");
    }

    private static int characters(JsonNode node) {
        int sum = node.path("name").asText().length() + node.path("description").asText().length()
                + node.path("value").asText().length();
        for (JsonNode child : node.path("options")) {
            sum += characters(child);
        }
        for (JsonNode choice : node.path("choices")) {
            sum += characters(choice);
        }
        return sum;
    }

    private static void checkNamed(JsonNode node) {
        String name = node.get("name").asText();
        assertTrue(NAME.matcher(name).matches(), name + " is not a valid Discord name");
        assertEquals(name.toLowerCase(java.util.Locale.ROOT), name, name + " must be lower case");
        String description = node.get("description").asText();
        assertTrue(!description.isEmpty() && description.length() <= 100, name + ": descriptions are 1-100 characters");
    }

    static JsonNode subcommand(JsonNode root, String name) {
        for (JsonNode sub : root.get("options")) {
            if (sub.get("name").asText().equals(name)) {
                return sub;
            }
        }
        throw new AssertionError("no subcommand " + name);
    }

    static JsonNode option(JsonNode sub, String name) {
        for (JsonNode option : sub.path("options")) {
            if (option.get("name").asText().equals(name)) {
                return option;
            }
        }
        throw new AssertionError("no option " + name + " in " + sub.get("name"));
    }
}
