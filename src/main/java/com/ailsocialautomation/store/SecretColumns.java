package com.ailsocialautomation.store;

import java.util.List;

/** Every encrypted column in the schema. Key rotation walks this list; a test checks it against the schema. */
public final class SecretColumns {
    public record Column(String table, String column) {}

    public static final List<Column> ALL = List.of(
            new Column("social_accounts", "access_token_enc"),
            new Column("social_accounts", "refresh_token_enc"),
            new Column("social_accounts", "endpoint_enc"),
            new Column("oauth_apps", "client_secret_enc"),
            new Column("oauth_states", "pkce_verifier_enc"),
            new Column("connect_links", "detail_enc"),
            new Column("publish_attempts", "message_enc"),
            new Column("pending_revocations", "token_enc"),
            new Column("pending_revocations", "refresh_token_enc"),
            new Column("slack_installations", "bot_token_enc"),
            new Column("slack_installations", "bot_refresh_token_enc"),
            new Column("slack_installations", "user_token_enc"));

    private SecretColumns() {}
}
