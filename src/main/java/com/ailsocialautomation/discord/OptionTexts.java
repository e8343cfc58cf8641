package com.ailsocialautomation.discord;

import java.util.Map;

/**
 * Discord shows a description (1-100 characters) beside every option; the text grammar has none, so they live
 * here, by the name of the argument or option in {@link com.ailsocialautomation.command.Commands}.
 */
final class OptionTexts {
    static final String TEXT = "text";

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("subcommand", "The subcommand to explain"),
            Map.entry("platform", "The platform to connect"),
            Map.entry("instance-or-handle-or-url", "Mastodon instance, Bluesky handle or webhook HTTPS address"),
            Map.entry("pds-url", "Bluesky only: your PDS address, when it is not bsky.social"),
            Map.entry("name", "Webhooks only: a name to tell it apart, such as Blog"),
            Map.entry("account", "The account: short id, handle or platform"),
            Map.entry("filter", "Which posts: upcoming (the default), recent, failed or mine"),
            Map.entry("post", "The post's short id, as /ail list shows it"),
            Map.entry("zone", "An IANA time zone such as Europe/Berlin"),
            Map.entry("setting", "on: also tell me when my posts are published"),
            Map.entry(TEXT, "The text; leave it out to write it in a form"),
            Map.entry("to", "Accounts: short ids, platforms or handles, separated by commas"),
            Map.entry("media", "Image or video (JPEG, PNG, GIF, WebP, MP4, MOV); up to 10 with media-2 to media-10"),
            // terse: post, schedule and edit repeat these nine times each, and all of /ail must stay within
            // Discord's 4,000 characters of names and descriptions
            Map.entry("media-N", "More media"),
            Map.entry("alt", "What media shows, for people who cannot see it; alt-N describes media-N"),
            Map.entry("alt-N", "Alt text"),
            Map.entry("public", "yes: show the reply to the whole channel"),
            Map.entry("at", "When: tomorrow 09:00, fri 9:30, 5:30pm, dec 24 9am (see /ail help schedule)"),
            Map.entry("in", "After how long: 45m, 2h30m, 1d"));

    private OptionTexts() {}

    /** The description of an argument or option, or null when none is written yet (a test catches that). */
    static String of(String name) {
        return DESCRIPTIONS.get(name);
    }
}
