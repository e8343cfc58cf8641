package com.ailsocialautomation.command;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** /ail help post and schedule name each per-platform option with the platforms that use it, from the registry. */
class OptionsHelpTest {
    @Test
    void helpForPostAndScheduleNamesEachOptionAndItsPlatforms() {
        for (String subcommand : new String[] {"post", "schedule"}) {
            String help = HelpText.of(subcommand).toPlainText();
            assertTrue(help.contains("Options for some platforms: title:\"...\" ("), help);
            assertTrue(help.contains("privacy:Mastodon public|unlisted|"), help);
            assertTrue(help.contains("; tags:launch,spring ("), help);
            assertTrue(help.matches("(?s).*the parts of a thread \\([A-Z][^)]*Bluesky[^)]*\\).*"), "the platforms that thread: " + help);
        }
    }
}
