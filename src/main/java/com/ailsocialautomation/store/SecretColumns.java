package com.ailsocialautomation.store;

import java.util.List;
import java.util.UUID;

/**
 * Every encrypted column in the schema. Key rotation walks this list; a test checks it against the schema. Media
 * chunks ({@code media_chunks.data}) are bytes, not text, and are not rotated: they live only until their post has
 * finished and the retention period passed, and the old keys stay in the keyset, so they still open.
 */
public final class SecretColumns {
    /** {@code inWorkspace}: the table has a workspace_id, which is part of each value's associated data. */
    public record Column(String table, String column, boolean inWorkspace) {
        Column(String table, String column) {
            this(table, column, true);
        }

        static Column operator(String table, String column) {
            return new Column(table, column, false);
        }

        public Vault.Place place(Object rowId, UUID workspaceId) {
            return new Vault.Place(table, column, rowId, inWorkspace ? workspaceId : null);
        }
    }

    public static final List<Column> ALL = List.of(
            new Column("social_accounts", "access_token_enc"),
            new Column("social_accounts", "refresh_token_enc"),
            new Column("social_accounts", "endpoint_enc"),
            Column.operator("oauth_apps", "client_secret_enc"),
            new Column("oauth_states", "pkce_verifier_enc"),
            new Column("oauth_states", "choices_enc"),
            new Column("connect_links", "detail_enc"),
            new Column("publish_attempts", "message_enc"),
            new Column("post_targets", "error_enc"),
            new Column("posts", "options_enc"),
            new Column("post_decisions", "note_enc"),
            new Column("post_series", "texts_enc"),
            new Column("post_series", "options_enc"),
            new Column("notifications", "payload_enc"),
            new Column("media_items", "file_name_enc"),
            new Column("media_items", "alt_text_enc"),
            new Column("media_items", "source_url_enc"),
            new Column("media_uploads", "name_enc"),
            new Column("media_uploads", "payload_enc"),
            Column.operator("pending_revocations", "token_enc"),
            Column.operator("pending_revocations", "refresh_token_enc"),
            Column.operator("slack_installations", "bot_token_enc"),
            Column.operator("slack_installations", "bot_refresh_token_enc"),
            Column.operator("slack_installations", "user_token_enc"));

    private SecretColumns() {}
}
