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

    /**
     * The options paragraph itself (the help of post, schedule and edit is built from it once, when the commands are
     * declared): privacy: lists exactly the platforms that have a privacy setting, each with its values, and the
     * thread sentence exactly the platforms that thread.
     */
    @Test
    void privacyAndThreadsNameOnlyThePlatformsThatHaveThem() {
        String help = PostOptionInput.help();
        assertTrue(help.startsWith("Options for some platforms: title:\"...\" (Webhook and YouTube); "), help);
        assertTrue(help.contains("; privacy:Mastodon public|unlisted|followers, YouTube public|unlisted|private, "
                + "TikTok public|friends|followers|private; tags:launch,spring (Webhook and YouTube); "), help);
        assertTrue(help.contains(" splits a text into the parts of a thread (Mastodon, Bluesky, X and Threads), "), help);
        assertTrue(HelpText.of("edit").toPlainText().contains(help), "edit's help carries the paragraph");
    }
}
