package com.ailsocialautomation.command;

import com.ailsocialautomation.message.Reply;

import com.ailsocialautomation.UserError;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HelpTextTest {

    @Test
    void theOverviewListsEverySubcommandAndLinksThePrivacyPolicyTermsAndContact() {
        Reply reply = HelpText.overview("https://ail.example.com/calendar", "https://ail.example.com/privacy", "https://ail.example.com/terms", "privacy@ail.example.com");
        for (CommandSpec spec : Commands.all()) {
            assertTrue(reply.text().contains(spec.usage()), spec.name());
        }
        assertTrue(reply.fields().contains(new Reply.Field("Privacy policy", "https://ail.example.com/privacy")));
        assertTrue(reply.fields().contains(new Reply.Field("Terms of service", "https://ail.example.com/terms")));
        assertTrue(reply.fields().contains(new Reply.Field("Contact", "privacy@ail.example.com")));
        assertTrue(reply.ephemeral());
    }

    @Test
    void theOverviewSaysWhereTheAppHomeAndWebCalendarsAreWithAnExample() {
        String text = HelpText.overview("https://ail.example.com/calendar", "https://ail.example.com/privacy",
                "https://ail.example.com/terms", "privacy@ail.example.com").toPlainText();
        assertTrue(text.contains("Home tab"), text);
        assertTrue(text.contains("In a browser, https://ail.example.com/calendar shows a month or a week"), text);
        assertTrue(text.contains("For example: open https://ail.example.com/calendar, choose Sign in with Slack"), text);
    }

    @Test
    void theTeamAndPlanningSubcommandsEachExplainThemselvesWithAnExample() {
        for (String name : java.util.List.of("queue", "import", "export", "schedule", "draft", "account", "approve", "reject",
                "request-changes")) {
            CommandSpec spec = Commands.get(name);
            assertTrue(!spec.details().isBlank() && !spec.examples().isEmpty(), name);
            String text = HelpText.of(name).toPlainText();
            assertTrue(text.contains(spec.examples().get(0).replace(com.ailsocialautomation.schedule.ExampleDate.MARK, "YYYY-MM-DD")), name + ": " + text);
        }
        assertTrue(HelpText.of("schedule").toPlainText().contains("every:\"monday 09:00\""), "series has its example");
    }

    @Test
    void helpForOneSubcommandShowsUsageAndRealExamples() {
        Reply reply = HelpText.of("connect");
        assertTrue(reply.text().contains("Usage: `/ail connect <platform> [instance-or-handle-or-url] [pds-url] [name:<name>]`"), reply.text());
        assertTrue(reply.toPlainText().contains("/ail connect mastodon fosstodon.org"), reply.toPlainText());
    }

    @Test
    void scheduleHelpExplainsTimeFormsAndDaylightSaving() {
        String text = HelpText.of("Schedule").toPlainText();
        assertTrue(text.contains("tomorrow 09:00"), text);
        assertTrue(text.contains("02:30 becomes 03:30"), text);
        assertTrue(text.contains("happens twice is the first (earlier) one"), text);
        assertTrue(text.contains("/ail schedule in:2h30m to:x Doors open soon"), text);
    }

    @Test
    void postHelpExplainsHowToStartTheTextWithSomethingLikeAnOption() {
        assertTrue(HelpText.of("post").text().contains("/ail post -- note:this is text"));
    }

    @Test
    void helpSaysThatOnDiscordTheOptionsWithoutAFieldOfTheirOwnAreTypedInMore() {
        assertTrue(HelpText.of("post").text().contains("On Discord, type queue:, title:, privacy:, tags:, allow:, disclose:, "
                + "comment: and text.<platform>: in the `more` option, as you would here: `more: queue:… title:…`"), HelpText.of("post").text());
        assertTrue(HelpText.of("schedule").text().contains("On Discord, type every:, until:, times:, from:, title:, privacy:, "
                + "tags:, allow:, disclose:, comment: and text.<platform>: in the `more` option, as you would here: `more: every:… until:…`"),
                HelpText.of("schedule").text());
        assertTrue(HelpText.of("edit").text().contains("On Discord, type from:, title:, privacy:, tags:, allow:, disclose:, "
                + "comment: and text.<platform>: in the `more` option, as you would here: `more: from:… title:…`"), HelpText.of("edit").text());
        assertTrue(!HelpText.of("connect").text().contains("`more`"), "connect has no option outside its fields");
    }

    @Test
    void helpForAnUnknownSubcommandListsTheSubcommands() {
        UserError e = assertThrows(UserError.class, () -> HelpText.of("tweet"));
        assertEquals("Unknown subcommand 'tweet'. Subcommands: help, connect, accounts, disconnect, post, schedule, draft, "
                + "list, show, cancel, retry, edit, reschedule, queue, account, approve, reject, request-changes, timezone, notify, "
                + "my-data, forget-me, import, export. Try /ail help.",
                e.getMessage());
    }
}
