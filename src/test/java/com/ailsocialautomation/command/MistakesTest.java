package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The usual mistakes a newcomer types are refused with what AIL would read and what to write (issue 17.3). */
class MistakesTest {

    private static String error(String line) {
        String message = assertThrows(UserError.class, () -> CommandParser.parse(line)).getMessage();
        assertFalse(message.contains("\n"), "one line: " + message);
        return message;
    }

    @Test
    void aDurationSplitBySpaceIsRefusedWithTheReadingAndTheFix() {
        String message = error("schedule in:1h 30m Doors open");
        assertTrue(message.contains("in:1h is followed by '30m'"), message);
        assertTrue(message.contains("publish '30m Doors open'"), message);
        assertTrue(message.contains("write in:1h30m or quote it: in:\"1h 30m\""), message);
        assertTrue(message.contains("put -- before the text"), message);
    }

    @Test
    void aDaySplitFromItsTimeIsRefusedWithTheQuotedForm() {
        assertTrue(error("schedule at:tomorrow 9:00 Good morning").contains("quote it: at:\"tomorrow 9:00\""));
        assertTrue(error("schedule at:9:00 tomorrow Good morning").contains("quote it: at:\"9:00 tomorrow\""));
        assertTrue(error("schedule at:dec 24 9am Merry").contains("quote it: at:\"dec 24 9am\""));
        assertTrue(error("schedule at:fri 9:30 pm text").contains("at:\"fri 9:30 pm\""));
        assertTrue(error("reschedule p7k2q at:fri 9:30").contains("at:fri alone"));
    }

    @Test
    void aQuotedTimeOrTextAfterDashesIsTakenAsWritten() {
        assertEquals("30m later", CommandParser.parse("schedule in:1h -- 30m later").text());
        assertEquals("9:00 sharp", CommandParser.parse("schedule at:\"tomorrow 8:00\" 9:00 sharp").text());
        assertEquals("Doors open", CommandParser.parse("schedule in:1h Doors open").text());
        assertEquals("Monday is here", CommandParser.parse("schedule in:1h Monday is here").text());
    }

    @Test
    void unknownSubcommandsOptionsAndPlatformsGetADidYouMean() {
        assertTrue(error("shedule in:1h text").contains("Unknown subcommand 'shedule'; did you mean schedule?"));
        assertTrue(error("post tp:x hello").contains("Unknown option 'tp:'; did you mean to:?"));
        assertTrue(error("connect twitter").contains("'twitter' is not a platform; did you mean x?"));
        assertTrue(error("connect mastadon x.org").contains("did you mean mastodon?"));
        String far = error("frobnicate");
        assertFalse(far.contains("did you mean"), far);
        assertTrue(far.contains("Subcommands: help,"), far);
    }

    @Test
    void aMistypedZoneGetsTheNearestName() {
        assertTrue(assertThrows(UserError.class, () -> com.ailsocialautomation.schedule.Zones.parse("Europe/Berln"))
                .getMessage().contains("did you mean Europe/Berlin?"));
    }

    @Test
    void suggestionsAreTyposNotGuesses() {
        assertEquals(java.util.Optional.of("schedule"),
                com.ailsocialautomation.DidYouMean.among("SCHEDLUE", List.of("post", "schedule")));
        assertEquals(java.util.Optional.empty(), com.ailsocialautomation.DidYouMean.among("ps", List.of("post", "list")));
        assertEquals(java.util.Optional.empty(), com.ailsocialautomation.DidYouMean.among("twitter", List.of("on", "off"),
                Commands.PLATFORM_ALIASES));
    }
}
