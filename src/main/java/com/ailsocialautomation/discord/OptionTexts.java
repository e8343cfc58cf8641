package com.ailsocialautomation.discord;

import com.ailsocialautomation.net.MediaType;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Discord shows a description (1-100 characters) beside every option; the text grammar has none, so they live
 * here, by the name of the argument or option in {@link com.ailsocialautomation.command.Commands}.
 */
final class OptionTexts {
    static final String TEXT = "text";
    /** Where a subcommand's secondary options are typed as key:value (see CommandDefinition). */
    static final String MORE = "more";

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("subcommand", "The subcommand to explain"),
            Map.entry("platform", "The platform to connect"),
            Map.entry("instance-or-handle-or-url", "Mastodon instance, Bluesky handle or webhook HTTPS address"),
            Map.entry("pds-url", "Bluesky only: your PDS address, when it is not bsky.social"),
            Map.entry("name", "Webhooks only: a name to tell it apart, such as Blog"),
            Map.entry("account", "Account id, handle or platform"),
            Map.entry("filter", "upcoming (default), recent, failed, mine, drafts, waiting"),
            Map.entry("post", "Post id, as /ail list shows it"),
            Map.entry("zone", "An IANA time zone such as Europe/Berlin"),
            Map.entry("setting", "on: also tell me when my posts are published"),
            Map.entry("action", "add, remove or list times"),
            Map.entry("days", "mon,wed,fri, weekdays or daily"),
            Map.entry("time", "09:30 or 9am"),
            Map.entry("csv", "CSV: when,to,text,media,alt"),
            Map.entry("partial", "yes: schedule the valid rows anyway"),
            Map.entry("which", "upcoming (default) or all"),
            // terse from here: post, schedule and edit repeat these, and all of /ail must stay within Discord's
            // 4,000 characters of names, descriptions and choices (DiscordCommandSchema checks it)
            Map.entry(TEXT, "The text; leave out for a form"),
            Map.entry("to", "Accounts, comma-separated"),
            Map.entry("media", "Up to " + CommandDefinition.ATTACHMENTS + " (" + SharedMessage.MAX_FILES + " via Post with AIL): "
                    + Arrays.stream(MediaType.values()).map(MediaType::displayName).collect(Collectors.joining(", "))),
            Map.entry("media-N", "More media"),
            Map.entry("alt", "Alt text of media"),
            Map.entry("alt-N", "Alt text"),
            Map.entry("public", "yes: show the reply to the channel"),
            Map.entry("queue", "yes: at the next free queue time"),
            Map.entry("at", "When, e.g. tomorrow 09:00"),
            Map.entry("in", "After how long: 45m, 2h30m, 1d"),
            Map.entry("posting", "anyone, approval or owner-and-admins"),
            Map.entry("approvers", "@people who approve, or admins"),
            Map.entry(MORE, "Other options as key:value"));

    private OptionTexts() {}

    /** The description of an argument or option, or null when none is written yet (a test catches that). */
    static String of(String name) {
        return DESCRIPTIONS.get(name);
    }
}
