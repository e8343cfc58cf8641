package com.ailsocialautomation.command;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandsTest {

    @Test
    void everySubcommandOfTheSpecIsDeclaredOnce() {
        assertEquals(List.of("help", "connect", "accounts", "disconnect", "post", "schedule", "draft", "list", "show", "cancel",
                "retry", "edit", "reschedule", "queue", "account", "approve", "reject", "request-changes", "timezone", "notify",
                "my-data", "forget-me", "import", "export"), Commands.names());
    }

    @Test
    void descriptionsFitDiscordsHundredCharacters() {
        for (CommandSpec spec : Commands.all()) {
            assertTrue(!spec.description().isBlank() && spec.description().length() <= 100, spec.name());
        }
    }

    @Test
    void everyExampleIsARealCommandThatParses() {
        for (CommandSpec spec : Commands.all()) {
            assertTrue(spec.examples().size() >= 1 && spec.examples().size() <= 3, spec.name());
            for (String example : spec.examples()) {
                assertTrue(example.startsWith("/ail " + spec.name()), example);
                assertEquals(spec.name(), CommandParser.parse(example.substring("/ail ".length())).name(), example);
            }
        }
    }

    @Test
    void theUsageLineMentionsEveryArgumentAndOption() {
        for (CommandSpec spec : Commands.all()) {
            assertTrue(spec.usage().startsWith("/ail " + spec.name()), spec.usage());
            assertTrue(!spec.usage().contains("\n"), spec.usage());
            for (CommandSpec.Arg arg : spec.args()) {
                String choices = String.join("|", arg.choices());
                assertTrue(spec.usage().contains(arg.name() + (arg.required() ? ">" : "]"))
                        || !choices.isEmpty() && spec.usage().contains(choices), spec.usage() + " lacks " + arg.name());
            }
            for (CommandSpec.Option option : spec.options()) {
                assertTrue(spec.usage().contains(option.key() + ":"), spec.usage() + " lacks " + option.key());
            }
            assertEquals(spec.takesText(), spec.usage().endsWith("<text>"), spec.usage());
        }
    }

    @Test
    void onlyMediaAndAltMayRepeatAndOnlyMediaAndImportsCsvTakeFiles() {
        for (CommandSpec spec : Commands.all()) {
            for (CommandSpec.Option option : spec.options()) {
                assertEquals(option.key().equals("media") || option.key().equals("alt"), option.repeatable(), spec.name() + " " + option.key());
                assertEquals(option.key().equals("media") || option.key().equals(CsvSource.OPTION), option.files(),
                        spec.name() + " " + option.key());
            }
            assertEquals(spec.option("media").isPresent(), spec.option("alt").isPresent(), spec.name() + ": alt: describes media");
        }
    }

    @Test
    void connectKnowsEveryPlatform() {
        assertEquals(Commands.PLATFORMS, Commands.get("connect").args().get(0).choices());
        assertEquals(List.of("mastodon", "bluesky", "webhook", "x", "linkedin", "youtube", "tiktok", "facebook", "instagram", "threads"), Commands.PLATFORMS);
    }

    @Test
    void postAndScheduleAcceptPublicYes() {
        assertTrue(Commands.get("post").option("public").isPresent());
        assertTrue(Commands.get("schedule").option("public").isPresent());
    }
}
