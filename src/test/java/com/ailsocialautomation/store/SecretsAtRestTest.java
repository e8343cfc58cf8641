package com.ailsocialautomation.store;

import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.RawTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.ailsocialautomation.testing.RealFlows;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves, by searching the raw tables, that what SecretColumns lists is never stored in clear: one row per column
 * written with the vault by hand, and (issue 15.2) the whole service writing them through its real flows against the
 * strict fakes, every value it encrypted then searched for in every table in text, any case, hex, base64, base64url,
 * URL- and JSON-escaped (RawTables).
 */
class SecretsAtRestTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    private static final UUID WORKSPACE = UUID.randomUUID();
    private static final UUID USER = UUID.randomUUID();
    private static final UUID POST = UUID.randomUUID();
    private static final UUID TARGET = UUID.randomUUID();

    /** One minimal valid row per secret column: the first parameter is the row id, the second the ciphertext. */
    private static final Map<SecretColumns.Column, String> ROWS = new LinkedHashMap<>();

    static {
        row("social_accounts", "access_token_enc", "insert into social_accounts (id, workspace_id, short_id, platform, external_id, access_token_enc) "
                + "values (?, '" + WORKSPACE + "', 'a1', 'mastodon', '101', ?)");
        row("social_accounts", "refresh_token_enc", "insert into social_accounts (id, workspace_id, short_id, platform, external_id, refresh_token_enc) "
                + "values (?, '" + WORKSPACE + "', 'a2', 'x', '102', ?)");
        row("social_accounts", "endpoint_enc", "insert into social_accounts (id, workspace_id, short_id, platform, external_id, endpoint_enc) "
                + "values (?, '" + WORKSPACE + "', 'a3', 'webhook', '103', ?)");
        row("oauth_apps", "client_secret_enc", "insert into oauth_apps (id, platform, instance_url, redirect_uri, client_id, client_secret_enc) "
                + "values (?, 'mastodon', 'https://fosstodon.org', 'https://ail.example/oauth/mastodon/callback', 'client-1', ?)");
        row("oauth_states", "pkce_verifier_enc", "insert into oauth_states (id, state_hash, workspace_id, user_id, platform, pkce_verifier_enc, expires_at) "
                + "values (?, decode(md5(random()::text), 'hex'), '" + WORKSPACE + "', '" + USER + "', 'x', ?, now() + interval '10 minutes')");
        row("oauth_states", "choices_enc", "insert into oauth_states (id, state_hash, workspace_id, user_id, platform, choices_enc, expires_at) "
                + "values (?, decode(md5(random()::text), 'hex'), '" + WORKSPACE + "', '" + USER + "', 'facebook', ?, now() + interval '10 minutes')");
        row("connect_links", "detail_enc", "insert into connect_links (id, token_hash, workspace_id, user_id, platform, detail_enc, expires_at) "
                + "values (?, decode(md5(random()::text), 'hex'), '" + WORKSPACE + "', '" + USER + "', 'webhook', ?, now() + interval '10 minutes')");
        row("publish_attempts", "message_enc", "insert into publish_attempts (id, target_id, workspace_id, started_at, duration_ms, outcome, message_enc) "
                + "values (?, '" + TARGET + "', '" + WORKSPACE + "', now(), 12, 'failed', ?)");
        row("post_targets", "error_enc", "insert into post_targets (id, post_id, workspace_id, platform, state, due_at, idempotency_key, error_enc) "
                + "values (?, '" + POST + "', '" + WORKSPACE + "', 'x', 'failed', now(), gen_random_uuid(), ?)");
        row("posts", "options_enc", "insert into posts (id, workspace_id, short_id, author_user_id, text, scheduled_at, options_enc) "
                + "values (?, '" + WORKSPACE + "', 'p' || substr(md5(random()::text), 1, 8), '" + USER + "', 'x', now(), ?)");
        row("post_series", "texts_enc", "insert into post_series (id, workspace_id, short_id, author_user_id, weekdays, time_of_day, "
                + "time_zone, state, texts_enc, options_enc) values (?, '" + WORKSPACE + "', 's' || substr(md5(random()::text), 1, 8), '"
                + USER + "', '{1}', '09:00', 'UTC', 'active', ?, '\\x00')");
        row("post_series", "options_enc", "insert into post_series (id, workspace_id, short_id, author_user_id, weekdays, time_of_day, "
                + "time_zone, state, texts_enc, options_enc) values (?, '" + WORKSPACE + "', 's' || substr(md5(random()::text), 1, 8), '"
                + USER + "', '{1}', '09:00', 'UTC', 'active', '\\x00', ?)");
        row("post_decisions", "note_enc", "insert into post_decisions (id, post_id, workspace_id, round, decider_user_id, decision, note_enc) "
                + "values (?, '" + POST + "', '" + WORKSPACE + "', 1, '" + USER + "', 'rejected', ?)");
        row("notifications", "payload_enc", "insert into notifications (id, workspace_id, user_id, event_key, payload_enc) "
                + "values (?, '" + WORKSPACE + "', '" + USER + "', gen_random_uuid()::text, ?)");
        row("media_items", "file_name_enc", "insert into media_items (id, workspace_id, post_id, position, file_name_enc, media_type, "
                + "size_bytes, width, height, origin, chunk_count) values (?, '" + WORKSPACE + "', '" + POST + "', "
                + "(select count(*) from media_items), ?, 'PNG', 1, 0, 0, 'link', 0)");
        row("media_items", "alt_text_enc", "insert into media_items (id, workspace_id, post_id, position, file_name_enc, media_type, "
                + "size_bytes, width, height, origin, chunk_count, alt_text_enc) values (?, '" + WORKSPACE + "', '" + POST + "', "
                + "(select count(*) from media_items), '\\x00', 'PNG', 1, 0, 0, 'link', 0, ?)");
        row("media_items", "source_url_enc", "insert into media_items (id, workspace_id, post_id, position, file_name_enc, media_type, "
                + "size_bytes, width, height, origin, chunk_count, source_url_enc) values (?, '" + WORKSPACE + "', '" + POST + "', "
                + "(select count(*) from media_items), '\\x00', 'PNG', 1, 0, 0, 'link', 0, ?)");
        row("media_uploads", "name_enc", "insert into media_uploads (id, workspace_id, target_id, position, source_hash, "
                + "platform_media_id, ready, name_enc, uploaded_at) values (?, '" + WORKSPACE + "', '" + TARGET + "', 0, 'h', 'm', true, ?, now())");
        row("media_uploads", "payload_enc", "insert into media_uploads (id, workspace_id, target_id, position, source_hash, "
                + "platform_media_id, ready, name_enc, payload_enc, uploaded_at) values (?, '" + WORKSPACE + "', '" + TARGET
                + "', 1, 'h', 'm', true, '\\x00'::bytea, ?, now())");
        row("pending_revocations", "token_enc", "insert into pending_revocations (id, platform, token_enc) values (?, 'mastodon', ?)");
        row("pending_revocations", "refresh_token_enc", "insert into pending_revocations (id, platform, refresh_token_enc) values (?, 'bluesky', ?)");
        row("slack_installations", "bot_token_enc", "insert into slack_installations (id, team_id, bot_token_enc) values (?, 'T1', ?)");
        row("slack_installations", "user_token_enc", "insert into slack_installations (id, team_id, user_token_enc) values (?, 'T2', ?)");
        row("slack_installations", "bot_refresh_token_enc", "insert into slack_installations (id, team_id, bot_refresh_token_enc) values (?, 'T3', ?)");
    }

    private static void row(String table, String column, String sql) {
        ROWS.put(SecretColumns.ALL.stream().filter(c -> c.table().equals(table) && c.column().equals(column)).findFirst()
                .orElseGet(() -> new SecretColumns.Column(table, column, true)), sql);
    }

    @Test
    void everyEncryptedColumnInTheSchemaIsListedForKeyRotation() throws SQLException {
        Set<SecretColumns.Column> live = new HashSet<>();
        try (Connection c = pg.dataSource().getConnection();
             // a column of a table with a workspace_id must be bound to the workspace
             PreparedStatement ps = c.prepareStatement("select table_name, column_name, exists (select 1 from information_schema.columns w "
                     + "where w.table_schema = 'public' and w.table_name = c.table_name and w.column_name = 'workspace_id') "
                     + "from information_schema.columns c where table_schema = 'public' and column_name like '%\\_enc'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                live.add(new SecretColumns.Column(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
            }
        }
        assertEquals(live, Set.copyOf(SecretColumns.ALL), "SecretColumns.ALL must name exactly the *_enc columns of the schema");
        assertEquals(Set.copyOf(SecretColumns.ALL), ROWS.keySet(), "this test needs a row for every secret column");
    }

    @Test
    void noTokenInstallationTokenVerifierOrLogMessageIsStoredInClear() throws SQLException {
        insertParents();
        Map<SecretColumns.Column, String> secrets = new LinkedHashMap<>();
        try (Connection c = pg.dataSource().getConnection()) {
            for (Map.Entry<SecretColumns.Column, String> e : ROWS.entrySet()) {
                SecretColumns.Column col = e.getKey();
                String secret = "known-secret-" + col.column() + "-" + UUID.randomUUID() + " ünïcödé";
                UUID id = UUID.randomUUID();
                try (PreparedStatement ps = c.prepareStatement(e.getValue())) {
                    ps.setObject(1, id);
                    ps.setBytes(2, pg.vault().encrypt(secret, col.place(id, WORKSPACE)));
                    ps.executeUpdate();
                }
                assertEquals(secret, readBack(c, col, id), "the secret must still open where it was written");
                secrets.put(col, secret);
            }
        }
        assertTrue(RawTables.tables(pg.dataSource()).containsAll(List.of("social_accounts", "publish_attempts", "slack_installations")));
        for (Map.Entry<SecretColumns.Column, String> e : secrets.entrySet()) {
            assertEquals(List.of(), RawTables.rowsContaining(pg.dataSource(), e.getValue()),
                    e.getKey() + ": the secret is stored in clear");
            // nor is any recognisable part of it
            assertEquals(List.of(), RawTables.rowsContaining(pg.dataSource(), e.getValue().substring(0, 30)));
        }
    }

    @Test
    void theSearchFindsTextAndBinaryPlaintextSoItsSilenceMeansSomething() throws SQLException {
        insertParents();
        String inText = "canary-in-text-" + UUID.randomUUID();
        String inBytes = "canary-in-bytea-" + UUID.randomUUID();
        try (Connection c = pg.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("insert into pending_revocations (id, platform, instance_url, token_enc) values (?, 'x', ?, ?)")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, "https://example.org/" + inText);
            ps.setBytes(3, ("prefix " + inBytes + " suffix").getBytes(StandardCharsets.UTF_8));
            ps.executeUpdate();
        }
        assertEquals(List.of("pending_revocations.instance_url"), RawTables.rowsContaining(pg.dataSource(), inText));
        assertEquals(List.of("pending_revocations.token_enc"), RawTables.rowsContaining(pg.dataSource(), inBytes));
        try (Connection c = pg.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("update workspaces set name = ? where id = ?")) {
            ps.setString(1, "base64 " + java.util.Base64.getEncoder().encodeToString(("x" + inBytes).getBytes(StandardCharsets.UTF_8)));
            ps.setObject(2, WORKSPACE);
            ps.executeUpdate();
        }
        assertTrue(RawTables.rowsContaining(pg.dataSource(), inBytes).contains("workspaces.name"), "base64 of a secret counts as clear");
        try (Connection c = pg.dataSource().getConnection()) {
            c.createStatement().execute("delete from pending_revocations where platform = 'x'");
            c.createStatement().execute("update workspaces set name = null");
        }
    }

    /**
     * The service as Main starts it, against FakeX, FakeLinkedIn, FakeMastodon, FakeSlack and a webhook receiver:
     * Slack installed through /slack/install (rotating tokens), X, LinkedIn and Mastodon connected through their
     * OAuth callbacks, a webhook through {@code connect webhook} and its confirmation page, and a publish the
     * webhook refuses (attempt message, target error, notification). Every value in every encrypted column, opened
     * with the service's vault, is then searched for in clear; so are the secrets as the outside world knows them.
     * Breakage tried: Accounts writing the access token's UTF-8 bytes instead of the ciphertext fails here.
     */
    @Test
    void everySecretTheServiceWritesThroughItsRealFlowsIsNowhereInClear(@TempDir Path tmp) throws Exception {
        try (RealFlows flows = new RealFlows(tmp)) {
            List<String> known = new ArrayList<>(flows.installSlack());
            known.add(flows.startX());
            assertEquals(List.of(), flows.inClear(), "while the X authorization is pending (its PKCE verifier is stored)");
            known.addAll(flows.finishX());
            known.addAll(flows.connectLinkedIn());
            known.addAll(flows.connectMastodon());
            java.net.http.HttpResponse<String> pages = flows.startMeta("facebook");
            assertEquals(List.of(), flows.inClear(), "while the Facebook Pages wait to be chosen (their tokens are stored)");
            flows.choose("facebook", pages, java.util.Set.of(0, 1));
            String path = "capability-path-" + UUID.randomUUID();
            String link = flows.askForWebhook(path);
            assertEquals(List.of(), flows.inClear(), "while the webhook's connect link is pending (its URL is stored)");
            List<String> hook = flows.confirmWebhook(link);
            known.add(hook.get(1));
            known.add(flows.hook.url() + "/" + path);
            String refusal = "receiver-says-" + UUID.randomUUID();
            flows.failAPublish(hook.get(0), "A post the receiver refuses", "{\"error\":\"" + refusal + "\"}");
            known.add(refusal);
            known.add(flows.postMedia(hook.get(0)));
            String title = "Launch night " + UUID.randomUUID();
            assertTrue(flows.run("schedule in:2h to:" + hook.get(0) + " title:\"" + title + "\" A post with a title").text()
                    .startsWith("Post "));
            known.add(title);

            flows.decrypted();
            for (String column : List.of("social_accounts.access_token_enc", "social_accounts.refresh_token_enc",
                    "social_accounts.endpoint_enc", "oauth_apps.client_secret_enc", "oauth_states.pkce_verifier_enc",
                    "oauth_states.choices_enc", "connect_links.detail_enc", "publish_attempts.message_enc", "post_targets.error_enc",
                    "notifications.payload_enc", "slack_installations.bot_token_enc", "slack_installations.bot_refresh_token_enc",
                    "media_items.file_name_enc", "media_items.source_url_enc", "posts.options_enc")) {
                assertTrue(flows.seen.containsKey(column), column + " was written by one of the flows: " + flows.seen.keySet());
            }
            for (String secret : known) {
                assertTrue(flows.seen.values().stream().flatMap(List::stream).anyMatch(v -> v.contains(secret)),
                        "AIL keeps " + secret + " encrypted somewhere");
            }
            assertEquals(List.of(), flows.inClear(), "after all the flows");
            List<String> knownInClear = new ArrayList<>();
            for (String secret : known) {
                RawTables.rowsContaining(flows.db(), secret).forEach(hit -> knownInClear.add(secret + " in " + hit));
            }
            assertEquals(List.of(), knownInClear);
        }
    }

    private static String readBack(Connection c, SecretColumns.Column col, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + col.column() + " from " + col.table() + " where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return pg.vault().decrypt(rs.getBytes(1), col.place(id, WORKSPACE));
            }
        }
    }

    private static synchronized void insertParents() throws SQLException {
        try (Connection c = pg.dataSource().getConnection()) {
            c.createStatement().execute("insert into workspaces (id, front_end, external_id) values ('" + WORKSPACE + "', 'slack', 'T1') on conflict do nothing");
            c.createStatement().execute("insert into chat_users (id, workspace_id, external_id) values ('" + USER + "', '" + WORKSPACE + "', 'U1') on conflict do nothing");
            c.createStatement().execute("insert into posts (id, workspace_id, short_id, author_user_id, text, scheduled_at) values ('"
                    + POST + "', '" + WORKSPACE + "', 'p1', '" + USER + "', 'hello', now()) on conflict do nothing");
            c.createStatement().execute("insert into post_targets (id, post_id, workspace_id, platform, state, due_at, idempotency_key) values ('"
                    + TARGET + "', '" + POST + "', '" + WORKSPACE + "', 'mastodon', 'failed', now(), gen_random_uuid()) on conflict do nothing");
        }
    }
}
