package com.ailsocialautomation.command;

import com.ailsocialautomation.message.MediaInput;

import com.ailsocialautomation.UserError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandParserTest {

    private static ParsedCommand parse(String line) {
        return CommandParser.parse(line);
    }

    private static String error(String line) {
        String message = assertThrows(UserError.class, () -> parse(line)).getMessage();
        assertFalse(message.contains("\n"), "one line: " + message);
        return message;
    }

    @Test
    void anEmptyLineAsksForHelp() {
        assertEquals(new ParsedCommand("help", List.of(), Map.of(), ""), parse(""));
        assertEquals("help", parse("   \n ").name());
        assertEquals("help", parse(null).name());
    }

    @Test
    void helpTakesAnOptionalSubcommandInAnyCase() {
        assertEquals(List.of(), parse("help").args());
        assertEquals(List.of("schedule"), parse("help Schedule").args());
    }

    @Test
    void helpForAnUnknownSubcommandListsTheSubcommands() {
        String message = error("help frobnicate");
        assertTrue(message.startsWith("Unknown subcommand 'frobnicate'. Subcommands: help, connect, accounts"), message);
        assertTrue(message.endsWith("Usage: /ail help [subcommand]"), message);
    }

    @Test
    void theSubcommandIsMatchedInAnyCase() {
        assertEquals("post", parse("POST hello").name());
    }

    @Test
    void anUnknownSubcommandListsTheRealOnes() {
        String message = error("pots hello");
        assertTrue(message.contains("Unknown subcommand 'pots'"), message);
        assertTrue(message.contains("post, schedule, draft, list"), message);
    }

    @Test
    void connectTakesAPlatformAndOptionallyWhereTheAccountLives() {
        ParsedCommand c = parse("connect mastodon fosstodon.org");
        assertEquals(List.of("mastodon", "fosstodon.org"), c.args());
        assertEquals(List.of("bluesky"), parse("connect Bluesky").args());
        assertEquals("https://example.com/hooks/ail?x=1", parse("connect webhook https://example.com/hooks/ail?x=1").arg(1));
        assertEquals(List.of("bluesky", "ana.example.org", "https://pds.example.org"),
                parse("connect bluesky ana.example.org https://pds.example.org").args());
    }

    @Test
    void connectRefusesAnUnknownPlatformAndSaysWhichExist() {
        String message = error("connect myspace");
        assertTrue(message.startsWith("'myspace' is not a platform; choose one of: mastodon, bluesky, webhook, x,"), message);
        assertTrue(message.endsWith("Usage: /ail connect <platform> [instance-or-handle-or-url] [pds-url] [name:<name>]"), message);
        assertTrue(error("connect").startsWith("Missing <platform>. Usage: /ail connect"));
    }

    @Test
    void commandsWithoutArgumentsRefuseExtraWords() {
        assertEquals("accounts", parse("accounts").name());
        assertEquals("Unexpected 'please'. Usage: /ail accounts", error("accounts please"));
        assertEquals("Unexpected 'now'. Usage: /ail my-data", error("my-data now"));
        assertEquals("forget-me", parse("forget-me").name());
    }

    @Test
    void disconnectNeedsTheAccount() {
        assertEquals(List.of("@ana@fosstodon.org"), parse("disconnect @ana@fosstodon.org").args());
        assertEquals("Missing <account>. Usage: /ail disconnect <account>", error("disconnect"));
    }

    @Test
    void postKeepsTheTextExactlyAsTyped() {
        ParsedCommand c = parse("post   Hello  team,\n\n  line two   ");
        assertEquals("Hello  team,\n\n  line two", c.text());
        assertTrue(c.options().isEmpty());
    }

    @Test
    void postReadsOptionsBeforeTheText() {
        ParsedCommand c = parse("post to:mastodon,x media:https://example.com/a.png media:https://example.com/b.jpg "
                + "public:yes Launch day!");
        assertEquals("mastodon,x", c.option("to"));
        assertEquals(List.of("https://example.com/a.png", "https://example.com/b.jpg"), c.options("media"));
        assertEquals("yes", c.option("public"));
        assertEquals("Launch day!", c.text());
    }

    @Test
    void altRepeatsInTheOrderOfTheMediaAndMayNotOutnumberThem() {
        ParsedCommand c = parse("post media:https://example.com/a.png media:https://example.com/b.jpg "
                + "alt:\"A red door\" alt:“Two cats, asleep” Look");
        assertEquals(List.of("A red door", "Two cats, asleep"), c.options("alt"));
        assertEquals("Look", c.text());
        assertEquals("That is 2 alt: texts for 1 image or video; give one alt: per item, in the order of the media "
                + "(media: links first, then attached files). Usage: /ail post [to:<accounts>] [media:<url>…] "
                + "[alt:\"<description>\"…] [public:yes] [queue:yes] [title:…] [privacy:…] [tags:…] [allow:…] [disclose:…] [comment:…] [text.<platform>:…] <text>",
                error("post media:https://example.com/a.png alt:one alt:two Hi"));
        assertTrue(error("schedule in:1h alt:\"A cat\" Hi").startsWith("That is 1 alt: text for 0 images and videos"));
        assertTrue(error("post media:https://example.com/a.png alt:\"" + "é".repeat(1001) + "\" Hi")
                .startsWith("An alt: text is 1,001 characters; X takes at most 1,000, so shorten it by 1."));
    }

    @Test
    void filesFromTheChatCountAsMediaForTheTextRuleAndTheAlts() {
        List<MediaInput> files = List.of(new MediaInput.ChatFile("https://cdn.example.com/a.png", null, "a.png", null));
        ParsedCommand c = CommandParser.fromOptions("post", null,
                Map.of("media", List.of("https://example.com/b.png"), "alt", List.of("B", "A")), null, files);
        assertEquals(files, c.files());
        assertEquals("", c.text(), "a file is enough without text");
        assertTrue(assertThrows(UserError.class, () -> CommandParser.fromOptions("show", List.of("p7k2q"), Map.of(), null, files))
                .getMessage().startsWith("/ail show takes no files."));
    }

    @Test
    void optionLikeWordsInsideTheTextStayText() {
        ParsedCommand c = parse("post Hello to:everyone at:noon");
        assertEquals("Hello to:everyone at:noon", c.text());
        assertTrue(c.options().isEmpty());
    }

    @Test
    void aLinkIsNeverAnOption() {
        assertEquals("https://example.com is great", parse("post https://example.com is great").text());
        assertEquals("http://example.com", parse("post to:x http://example.com").text());
    }

    @Test
    void aCapitalisedKeyOrASpaceAfterTheColonIsText() {
        assertEquals("Deal: 50% off", parse("post Deal: 50% off").text());
        assertEquals("Note:bring snacks", parse("post Note:bring snacks").text());
        assertEquals("note: bring snacks", parse("post note: bring snacks").text());
        assertEquals("12:30 lunch", parse("post 12:30 lunch").text());
    }

    @Test
    void doubleDashEndsTheOptions() {
        ParsedCommand c = parse("post to:x -- colour:red is my favourite");
        assertEquals("x", c.option("to"));
        assertEquals("colour:red is my favourite", c.text());
        assertEquals("-- still text", parse("post -- -- still text").text());
    }

    @Test
    void anUnknownOptionIsNamedWithTheUsage() {
        assertEquals("Unknown option 'colour:' (to start the text with it, put -- before it). "
                + "Usage: /ail post [to:<accounts>] [media:<url>…] [alt:\"<description>\"…] [public:yes] [queue:yes] [title:…] [privacy:…] [tags:…] [allow:…] [disclose:…] [comment:…] [text.<platform>:…] <text>", error("post colour:red Hi"));
        assertTrue(error("list media:x").startsWith("Unknown option 'media:'. Usage: /ail list"));
    }

    @Test
    void aRepeatedSingleOptionIsRefusedButMediaMayRepeat() {
        assertTrue(error("post to:x to:mastodon Hi").startsWith("Give to: only once; list accounts with commas: to:ana,x."));
        assertEquals(3, parse("post media:https://e.com/1.png media:https://e.com/2.png media:https://e.com/3.png")
                .options("media").size());
    }

    @Test
    void aKnownOptionWithoutAValueIsAMissingValue() {
        assertTrue(error("post to: Hi").startsWith("Missing value after to:"));
        assertTrue(error("schedule at: Hi").startsWith("Missing value after at:"));
        assertTrue(error("schedule at:\"\" Hi").startsWith("Missing value after at:"));
    }

    @Test
    void quotedValuesMayHoldSpacesAndEscapedQuotes() {
        ParsedCommand c = parse("schedule at:\"tomorrow 09:00\" to:\"ana \\\"the\\\" best\" Good morning");
        assertEquals("tomorrow 09:00", c.option("at"));
        assertEquals("ana \"the\" best", c.option("to"));
        assertEquals("Good morning", c.text());
        assertEquals("fri 9:30", parse("schedule at:“fri 9:30” Hi").option("at"));
    }

    @Test
    void anUnterminatedQuoteIsReported() {
        String message = error("schedule at:\"tomorrow 09:00 Hello");
        assertTrue(message.startsWith("Unterminated quote in at:\"tomorrow 09:00 Hello; close it with \". Usage: /ail schedule"),
                message);
        assertTrue(error("schedule at:\"tomorrow\"9 Hi").startsWith("Put a space after the closing quote of at:"));
    }

    @Test
    void quotesInsideTheTextAreJustText() {
        assertEquals("He said \"hi", parse("post He said \"hi").text());
        assertEquals("\"Quoted\" start", parse("post \"Quoted\" start").text());
    }

    @Test
    void postWithoutTextOrMediaIsMissingTextAndCarriesTheOptions() {
        MissingText e = assertThrows(MissingText.class, () -> parse("post to:x"));
        assertEquals("Missing the text (or media:<url>). Usage: /ail post [to:<accounts>] [media:<url>…] [alt:\"<description>\"…] [public:yes] [queue:yes] [title:…] [privacy:…] [tags:…] [allow:…] [disclose:…] [comment:…] [text.<platform>:…] <text>",
                e.getMessage());
        assertEquals("x", e.partial().option("to"));
        assertEquals("", parse("post media:https://example.com/a.png").text());
    }

    @Test
    void scheduleNeedsExactlyOneOfAtOrIn() {
        assertEquals("tomorrow 09:00", parse("schedule at:\"tomorrow 09:00\" Hi").option("at"));
        assertEquals("2h30m", parse("schedule in:2h30m Hi").option("in"));
        assertTrue(error("schedule Hi").startsWith("Say when with at: or in: or every:. Usage: /ail schedule at:<when> | in:<duration>"));
        assertTrue(error("schedule at:now in:2h Hi").startsWith("Give at: or in: or every:, not both."));
        MissingText e = assertThrows(MissingText.class, () -> parse("schedule at:\"fri 9:30\""));
        assertEquals("fri 9:30", e.partial().option("at"));
    }

    @Test
    void aBadDurationIsRefusedWhileParsing() {
        String message = error("schedule in:soon Hi");
        assertTrue(message.startsWith("'soon' is not a duration: write it like 2h30m, 45m, 3s or 1d2h. Usage: /ail schedule"),
                message);
    }

    @Test
    void listTakesAnOptionalFilter() {
        assertEquals(List.of(), parse("list").args());
        assertEquals(List.of("failed"), parse("list FAILED").args());
        assertTrue(error("list old").startsWith("'old' is not a filter; choose one of: upcoming, recent, failed, mine, drafts, waiting."));
    }

    @Test
    void postIdCommandsNeedTheId() {
        for (String name : List.of("show", "cancel", "retry")) {
            assertEquals(List.of("p7k2q"), parse(name + " p7k2q").args());
            assertEquals("Missing <post>. Usage: /ail " + name + " <post>", error(name));
            assertTrue(error(name + " p7k2q p8").startsWith("Unexpected 'p8'"));
        }
    }

    @Test
    void editTakesThePostThenTheNewTextAsTyped() {
        ParsedCommand c = parse("edit p7k2q Doors open at 18:00,\nnot 17:00!");
        assertEquals(List.of("p7k2q"), c.args());
        assertEquals("Doors open at 18:00,\nnot 17:00!", c.text());
        assertTrue(error("edit p7k2q").startsWith("Missing the text (or media:<url>). Usage: /ail edit <post>"), error("edit p7k2q"));
        ParsedCommand media = parse("edit p7k2q media:https://example.com/b.png");
        assertEquals(List.of("https://example.com/b.png"), media.options("media"));
        assertEquals("", media.text());
        assertEquals(List.of("Our team"), parse("edit p7k2q alt:\"Our team\"").options("alt"), "alt: alone re-describes the stored items");
        assertTrue(error("edit").startsWith("Missing <post>"));
    }

    @Test
    void rescheduleTakesThePostAndATimeInEitherOrder() {
        ParsedCommand c = parse("reschedule p7k2q at:\"fri 9:30\"");
        assertEquals(List.of("p7k2q"), c.args());
        assertEquals("fri 9:30", c.option("at"));
        assertEquals("45m", parse("reschedule in:45m p7k2q").option("in"));
        assertTrue(error("reschedule p7k2q").startsWith("Say when with at: or in:"));
        assertTrue(error("reschedule p7k2q at:noon later").startsWith("Unexpected 'later'"));
    }

    @Test
    void timezoneAcceptsIanaNamesAndReturnsTheRealSpelling() {
        assertEquals(List.of("America/New_York"), parse("timezone america/new_york").args());
        String message = error("timezone berlin");
        assertTrue(message.startsWith("Unknown time zone 'berlin'; did you mean Europe/Berlin?"), message);
        assertTrue(message.endsWith("Usage: /ail timezone <zone>"), message);
    }

    @Test
    void notifyIsOnOrOff() {
        assertEquals(List.of("on"), parse("notify ON").args());
        assertTrue(error("notify maybe").startsWith("'maybe' is not a setting; choose one of: on, off."));
        assertTrue(error("notify").startsWith("Missing <setting>"));
    }

    @Test
    void publicIsYesOrNo() {
        assertEquals("no", parse("post public:NO Hi").option("public"));
        assertTrue(error("post public:maybe Hi").startsWith("'maybe' is not a value for public:; choose one of: yes, no."));
    }

    @Test
    void quotedPositionalArgumentsAreUnquoted() {
        assertEquals(List.of("webhook", "https://example.com/a b"), parse("connect webhook \"https://example.com/a b\"").args());
        assertTrue(error("disconnect \"ana").startsWith("Unterminated quote in <account>"));
    }

    @Test
    void discordOptionsGetTheSameChecks() {
        ParsedCommand c = CommandParser.fromOptions("schedule", List.of(),
                Map.of("at", List.of("tomorrow 09:00"), "media", List.of("https://e.com/a.png")), "  Hi\nthere ");
        assertEquals("tomorrow 09:00", c.option("at"));
        assertEquals("Hi\nthere", c.text());
        assertEquals(List.of("mastodon"), CommandParser.fromOptions("connect", List.of("Mastodon"), null, null).args());
        UserError unknown = assertThrows(UserError.class, () ->
                CommandParser.fromOptions("post", null, Map.of("colour", List.of("red")), "Hi"));
        assertTrue(unknown.getMessage().startsWith("Unknown option 'colour:'"));
        assertInstanceOf(MissingText.class, assertThrows(UserError.class, () ->
                CommandParser.fromOptions("post", null, Map.of("to", List.of("x")), " ")));
        assertTrue(assertThrows(UserError.class, () -> CommandParser.fromOptions("schedule", null,
                Map.of("at", List.of(" ")), "Hi")).getMessage().startsWith("Missing value after at:"));
        assertTrue(assertThrows(UserError.class, () -> CommandParser.fromOptions("accounts", null, null, "extra"))
                .getMessage().startsWith("Unexpected 'extra'"));
    }

    @Test
    void theErrorEchoIsOneShortLineEvenForHostileInput() {
        String message = error("pots\u202Eevil");
        assertTrue(message.contains("'potsevil'"), message);
        assertNull(parse("show \"p1\"").option("x"));
        assertEquals(List.of("p1"), parse("show \"p1\"").args());
    }
}
