package com.ailsocialautomation.privacy;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.console.ConsoleSession;
import com.ailsocialautomation.privacy.PrivacyRig.Person;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.Target;
import com.ailsocialautomation.store.TargetState;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** my-data: the person's own data as JSON, never a token; and the console's handling of files and confirmations. */
class MyDataTest {
    private static final List<String> SECRETS = List.of("ana-access-token-5b1e", "ana-refresh-token-9c2d",
            "whsec_ana_signing_secret_123", "ana-pkce-verifier-0a0a");

    FreshDatabase pg;
    PrivacyRig rig;
    Person ana;
    Person bob;

    @BeforeEach
    void wire() {
        pg = new FreshDatabase();
        rig = new PrivacyRig(pg.dataSource(), pg.vault(), Set.of());
        ana = rig.person("console", "console", null, "local", "Ana Quintero");
        bob = rig.person("console", "console", null, "bob", "Bob Marsh");
        rig.workspaces.setZone(ana.workspaceId(), ana.user().id(), "Pacific/Chatham");
        Account main = rig.connect(ana, "mastodon", "109ana001", "@ana_q@fosstodon.example", "https://fosstodon.example",
                "ana-access-token-5b1e", "ana-refresh-token-9c2d");
        Account hook = rig.connect(ana, "webhook", "anahookhash0001", "hooks.example.org/ana-hook", "https://hooks.example.org/ana-hook",
                "whsec_ana_signing_secret_123", null);
        Post published = rig.post(ana, "Ana's launch announcement 8f3k is live", Instant.now(), main, hook);
        rig.finish(published, TargetState.PUBLISHED, 200, "fosstodon accepted status 8f3k-ana");
        rig.post(ana, "Ana's scheduled post z9x8", Instant.now().plus(Duration.ofDays(1)), main);
        rig.oauthState(ana, "mastodon", "https://ana-instance.example", "ana-state-6f6f", "ana-pkce-verifier-0a0a");
        rig.technicalData(ana, "203.0.113.77", "AnaBrowser/1.0");
        rig.notification(ana, "failed:x:1", "Post failed", false);
        rig.post(bob, "Bob's own post b0b0", Instant.now(), rig.connect(bob, "mastodon", "109bob001", "@bob@mastodon.example",
                "https://mastodon.example", "bob-access-token-31c3", null));
    }

    @AfterEach
    void unwire() {
        pg.close();
    }

    @Test
    void myDataIsAJsonFileOfTheCallersSettingsPostsLogsAndAccountsWithoutAnyToken() throws Exception {
        rig.clock.set(Instant.parse("2026-03-02T23:30:00Z"));
        Reply reply = rig.commands.run(ana.invocation(), "my-data");
        Reply.File file = reply.file();
        assertEquals("ail-my-data-2026-03-02.json", file.name());
        assertEquals("application/json", file.mediaType());
        String json = new String(file.content(), StandardCharsets.UTF_8);
        for (String secret : SECRETS) {
            assertFalse(json.contains(secret), "the export holds " + secret);
        }
        assertFalse(json.contains("Bob's own post") || json.contains("@bob@"), "only the caller's data");
        List<String> names = new ArrayList<>();
        fieldNames(Json.MAPPER.readTree(json), names);
        assertEquals(List.of(), names.stream().filter(n -> n.matches("(?i).*(secret|password|verifier|_enc|accesstoken|refreshtoken).*")).toList());

        JsonNode doc = Json.MAPPER.readTree(json);
        assertEquals("local", doc.at("/you/chatUserId").asText());
        assertEquals("Pacific/Chatham", doc.at("/you/timeZone").asText());
        assertEquals(2, doc.at("/accountsYouConnected").size());
        assertEquals("@ana_q@fosstodon.example", doc.at("/accountsYouConnected/0/handle").asText());
        assertEquals("read write", doc.at("/accountsYouConnected/0/scopes").asText());
        assertEquals(2, doc.at("/posts").size());
        JsonNode launch = doc.at("/posts/0");
        assertEquals("Ana's launch announcement 8f3k is live", launch.at("/text").asText());
        assertEquals(List.of("published", "published"), List.of(launch.at("/targets/0/state").asText(), launch.at("/targets/1/state").asText()));
        assertEquals("fosstodon accepted status 8f3k-ana", launch.at("/targets/0/publishLog/0/message").asText(), "decrypted");
        assertEquals("scheduled", doc.at("/posts/1/status").asText());
        assertEquals("203.0.113.77", doc.at("/technicalData/0/ipAddress").asText());
        assertEquals("oauth state", doc.at("/pendingConnections/0/kind").asText());
        assertEquals("failed", doc.at("/notifications/0/kind").asText());
        assertTrue(reply.text().contains("2 posts") && reply.text().contains("2 accounts"), reply.text());
    }

    @Test
    void theConsoleSavesTheFileOwnerOnlyWithoutOverwritingAndAsksBeforeErasing(@TempDir Path tmp) throws Exception {
        Path notADirectory = Files.createFile(tmp.resolve("a-file"));
        Path exports = tmp.resolve("data").resolve("exports");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        String input = "my-data\n/ail my-data\nforget-me\nno\nforget-me\nyes\n";
        new ConsoleSession(rig.commands, new BufferedReader(new StringReader(input)), new PrintStream(printed, true, StandardCharsets.UTF_8),
                false, List.of(notADirectory, exports)).run();
        String out = printed.toString(StandardCharsets.UTF_8);

        List<Path> saved = savedPaths(out);
        assertEquals(2, saved.size(), out);
        assertEquals(exports, saved.get(0).getParent(), "the first directory could not take it, the second did");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(exports)), "created owner-only");
        assertTrue(saved.get(1).getFileName().toString().matches("ail-my-data-\\d{4}-\\d{2}-\\d{2}-2\\.json"), saved.get(1).toString());
        for (Path p : saved) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
            assertTrue(Files.readString(p).contains("Ana's launch announcement 8f3k"));
        }

        assertTrue(out.contains("Type yes to erase my data, anything else to keep everything:"), out);
        assertTrue(out.contains("Nothing was changed."), out);
        assertTrue(out.contains("Done: AIL erased your data in this console."), out);
        assertEquals(0, rig.count("select count(*) from chat_users where external_id = 'local'"));
        assertEquals(1, rig.count("select count(*) from chat_users where external_id = 'bob'"));
        assertEquals(1, rig.count("select count(*) from audit_records"), "the 'no' erased nothing; the 'yes' erased once");
    }

    private static List<Path> savedPaths(String out) {
        List<Path> paths = new ArrayList<>();
        Matcher m = Pattern.compile("Saved (\\S+) \\(\\d+ bytes, readable only by you\\)").matcher(out);
        while (m.find()) {
            paths.add(Path.of(m.group(1)));
        }
        return paths;
    }

    private static void fieldNames(JsonNode node, List<String> into) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            into.add(name);
            fieldNames(node.get(name), into);
        }
        node.elements().forEachRemaining(child -> fieldNames(child, into));
    }
}
