package com.ailsocialautomation.slack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue point 8: bot-manifests/slack/manifest.yml declares exactly what the code uses: the command and its URL,
 * the bot scopes the Web API methods called in the slack package need, the events it registers handlers for,
 * interactivity, the OAuth redirect URL and App Home.
 */
class SlackManifestTest {
    private static final Path MANIFEST = Path.of("bot-manifests/slack/manifest.yml");
    private static final Path CODE = Path.of("src/main/java/com/ailsocialautomation/slack");
    /** The scope each Web API method of the SDK needs (views.* need none beyond the trigger or the app itself). */
    private static final Map<String, String> SCOPE_OF = Map.of(
            "chatPostMessage", "chat:write", "chatUpdate", "chat:write", "conversationsOpen", "im:write",
            "usersInfo", "users:read", "filesUploadV2", "files:write", "filesInfo", "files:read", "viewsOpen", "",
            "viewsPublish", "", "oauthV2Access", "", "authTest", "");

    @Test
    void theManifestDeclaresTheCommandTheCodeServesWithTheEventsUrl() throws IOException {
        String yaml = Files.readString(MANIFEST);
        assertEquals(List.of(SlackFrontEnd.COMMAND), values(yaml, "- command:"));
        assertTrue(values(yaml, "url:").stream().allMatch(u -> u.endsWith(SlackRoutes.EVENTS)), yaml);
        assertEquals(List.of("false"), values(yaml, "should_escape:"), "the code reads the text as typed (only & < > escaped)");
    }

    @Test
    void theBotScopesAreExactlyThoseTheCalledMethodsNeed() throws IOException {
        // the compose form's file input needs files:read even before files.info is called
        Set<String> needed = new TreeSet<>(List.of("commands", "files:read"));
        for (String method : calledMethods()) {
            assertTrue(SCOPE_OF.containsKey(method), "add the scope of " + method + " to this test and the manifest");
            if (!SCOPE_OF.get(method).isEmpty()) {
                needed.add(SCOPE_OF.get(method));
            }
        }
        assertEquals(needed, new TreeSet<>(SlackFrontEnd.BOT_SCOPES), "SlackFrontEnd.BOT_SCOPES");
        assertEquals(needed, new TreeSet<>(list(Files.readString(MANIFEST), "bot:")), "the manifest's bot scopes");
    }

    @Test
    void theMessageShortcutIsDeclaredWithTheCallbackTheCodeServes() throws IOException {
        String yaml = Files.readString(MANIFEST);
        assertEquals(List.of(MessageShortcut.CALLBACK), values(yaml, "callback_id:"));
        assertEquals(List.of("message"), values(yaml, "type:"));
        assertEquals(List.of("Post with AIL"), values(yaml, "- name:"));
        assertTrue(Files.readString(CODE.resolve("SlackFrontEnd.java")).contains("bolt.messageShortcut(MessageShortcut.CALLBACK"));
    }

    @Test
    void theBotEventsAreExactlyThoseWithHandlers() throws IOException {
        String wiring = Files.readString(CODE.resolve("SlackFrontEnd.java"));
        Matcher m = Pattern.compile("bolt\\.event\\((\\w+)Event\\.class").matcher(wiring);
        Set<String> handled = new TreeSet<>();
        while (m.find()) {
            handled.add(m.group(1).replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase());
        }
        String yaml = Files.readString(MANIFEST);
        Set<String> subscribed = new TreeSet<>(list(yaml, "bot_events:"));
        assertTrue(handled.contains(SlackFrontEnd.ORG_EVENT), "org-wide installs lose teams through " + SlackFrontEnd.ORG_EVENT);
        assertEquals(List.of("true"), values(yaml, "org_deploy_enabled:"), "org-wide installs are allowed");
        assertEquals(handled, subscribed, "with org-wide installs allowed, " + SlackFrontEnd.ORG_EVENT + " is subscribed too");
        handled.remove(SlackFrontEnd.ORG_EVENT);
        assertEquals(handled, new TreeSet<>(SlackFrontEnd.BOT_EVENTS));
    }

    @Test
    void theManifestIsReadyForDistribution() throws IOException {
        String yaml = Files.readString(MANIFEST);
        assertEquals(List.of("true"), values(yaml, "token_rotation_enabled:"), "the installable app refreshes rotating tokens (TokenRotation)");
        assertTrue(Files.readString(CODE.resolve("TokenRotation.java")).contains("refresh_token"), "the code supports rotation");
        String longDescription = values(yaml, "long_description:").get(0);
        assertTrue(longDescription.length() >= 175 && longDescription.length() <= 4000,
                "Slack wants 175 to 4000 characters: " + longDescription.length());
    }

    @Test
    void interactivityAppHomeAndTheRedirectUrlMatchTheRoutes() throws IOException {
        String yaml = Files.readString(MANIFEST);
        assertEquals(List.of("true"), values(yaml, "is_enabled:"), "buttons and modals need interactivity");
        assertEquals(List.of("true"), values(yaml, "home_tab_enabled:"), "App Home is published");
        assertTrue(values(yaml, "request_url:").stream().allMatch(u -> u.endsWith(SlackRoutes.EVENTS)));
        assertEquals(2, values(yaml, "request_url:").size(), "events and interactivity");
        List<String> redirects = list(yaml, "redirect_urls:");
        assertEquals(2, redirects.size(), "the install's and the web calendar's sign-in");
        assertTrue(redirects.get(0).endsWith(SlackRoutes.OAUTH_REDIRECT), redirects.toString());
        assertTrue(redirects.get(1).endsWith(com.ailsocialautomation.calendar.WebCalendar.SLACK_CALLBACK), redirects.toString());
        assertEquals(com.ailsocialautomation.calendar.WebCalendar.SLACK_USER_SCOPES, list(yaml, "user:"),
                "Sign in with Slack's user scopes");
    }

    private static Set<String> calledMethods() throws IOException {
        Set<String> called = new TreeSet<>();
        Pattern call = Pattern.compile("(?:client\\(\\)|client|methods\\(\\))\\.(\\w+)\\(");
        try (Stream<Path> files = Files.list(CODE)) {
            for (Path file : files.toList()) {
                Matcher m = call.matcher(Files.readString(file));
                while (m.find()) {
                    called.add(m.group(1));
                }
            }
        }
        assertTrue(called.contains("chatPostMessage"), "the scan finds the calls: " + called);
        return called;
    }

    /** The values after {@code key} on its lines, quotes removed. */
    private static List<String> values(String yaml, String key) {
        List<String> out = new ArrayList<>();
        for (String line : yaml.split("\n")) {
            String t = line.strip();
            if (t.startsWith(key)) {
                out.add(t.substring(key.length()).strip().replaceAll("^\"|\"$", ""));
            }
        }
        return out;
    }

    /** The "- item" lines indented under {@code key}. */
    private static List<String> list(String yaml, String key) {
        List<String> out = new ArrayList<>();
        String[] lines = yaml.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().equals(key)) {
                int indent = lines[i].indexOf(key);
                for (int j = i + 1; j < lines.length && lines[j].strip().startsWith("- ")
                        && lines[j].indexOf('-') > indent; j++) {
                    out.add(lines[j].strip().substring(2).strip());
                }
            }
        }
        return out;
    }
}
