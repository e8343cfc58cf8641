package com.ailsocialautomation.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Every setting of the service, read once from the environment and validated at start.
 * Secrets are {@link Secret}s, so printing a Config shows no secret.
 */
public record Config(
        int port,
        String publicUrl,
        Path dataDir,
        ExternalDatabase externalDatabase,
        Secret encryptionKey,
        int retentionDays,
        String contactEmail,
        Path privacyPolicyFile,
        Path termsFile,
        LogFormat logFormat,
        boolean insecureLoopback,
        Slack slack,
        Discord discord,
        Engine engine,
        Settings settings,
        Secret metricsToken,
        CommandRates commandRates) {

    /** The contact address shipped in the default policy and terms; an operator going live sets their own. */
    public static final String SHIPPED_CONTACT_EMAIL = "legal@ailsocialautomation.com";

    /** AIL_LOG_FORMAT: logback.xml includes logback-&lt;name&gt;.xml, so each name here has such a file. */
    public enum LogFormat {
        TEXT, JSON;

        static LogFormat parse(String raw) {
            for (LogFormat format : values()) {
                if (format.name().toLowerCase(java.util.Locale.ROOT).equals(raw)) {
                    return format;
                }
            }
            throw new ConfigError("AIL_LOG_FORMAT", "must be text or json, got '" + (raw.length() > 20 ? raw.substring(0, 20) + "..." : raw) + "'");
        }
    }

    public record ExternalDatabase(String url, String user, Secret password) {
        /** A JDBC URL may carry {@code password=...} as a parameter; it is masked like every other secret. */
        @Override
        public String toString() {
            return "ExternalDatabase[url=" + url.replaceAll("(?i)(password=)[^&]*", "$1****")
                    + ", user=" + user + ", password=" + password + "]";
        }
    }

    /**
     * Slack with only its signing secret set is partly configured: /slack/events already answers Slack's URL
     * check (so the request URL can be verified before the app is installed), and nothing else runs yet.
     */
    public record Slack(Secret signingSecret, Secret botToken, String clientId, Secret clientSecret,
                        Secret appToken, String apiUrl) {
        /** A bot token (one workspace) or a client id and secret (installable): enough to run the app. */
        public boolean complete() {
            return botToken != null || (clientId != null && clientSecret != null);
        }
    }

    public record Discord(Secret botToken, String guildId, String apiUrl, Integer shards, String shardIds) {}

    /**
     * AIL_COMMANDS_PER_MINUTE_USER and _WORKSPACE: commands, button presses and forms a minute allowed to one person
     * and to one workspace (a third of it at once); 0 turns the limit off.
     */
    public record CommandRates(int perUser, int perWorkspace) {}

    public record Engine(Duration pollInterval, Duration requestTimeout, int maxAttempts, int threads, Duration heartbeat) {}

    public boolean embeddedDatabase() {
        return externalDatabase == null;
    }

    /**
     * This configuration with the port the server actually bound when AIL_PORT is 0 (tests); the default
     * public URL follows it, an explicit AIL_PUBLIC_URL does not.
     */
    public Config withPort(int boundPort) {
        String url = publicUrl.equals("http://localhost:" + port) ? "http://localhost:" + boundPort : publicUrl;
        return new Config(boundPort, url, dataDir, externalDatabase, encryptionKey, retentionDays, contactEmail,
                privacyPolicyFile, termsFile, logFormat, insecureLoopback, slack, discord, engine, settings, metricsToken, commandRates);
    }

    /** This configuration with other engine settings (tests that run several engines with their own limits). */
    public Config withEngine(Engine changed) {
        return new Config(port, publicUrl, dataDir, externalDatabase, encryptionKey, retentionDays, contactEmail,
                privacyPolicyFile, termsFile, logFormat, insecureLoopback, slack, discord, changed, settings, metricsToken, commandRates);
    }

    /** AIL_METRICS_TOKEN: the bearer token a Prometheus scrape of /metrics must send; unset, /metrics is off. */
    private static Secret metricsToken(Env env) {
        Secret token = env.secret("AIL_METRICS_TOKEN");
        if (token != null && token.reveal().length() < 16) {
            throw new ConfigError("AIL_METRICS_TOKEN", "must be at least 16 characters (for example `openssl rand -hex 24`)");
        }
        return token;
    }

    /**
     * The environment as read, for the parts that declare their own variables: each platform reads the
     * AIL_&lt;PLATFORM&gt;_* variables it declares (platform.Platform), with the same checks and ENC(...) decryption as
     * every other setting. Printing it shows no value.
     */
    public static final class Settings {
        private final Env env;

        Settings(Env env) {
            this.env = env;
        }

        public String string(String name) {
            return env.string(name);
        }

        public Secret secret(String name) {
            return env.secret(name);
        }

        /** An absolute http(s) URL without a trailing slash, or null when unset. */
        public String url(String name) {
            return env.url(name, null);
        }

        /** true or false, {@code fallback} when unset; anything else is a ConfigError naming the variable. */
        public boolean bool(String name, boolean fallback) {
            return env.bool(name, fallback);
        }

        /** A whole number from {@code min} to {@code max}, or null when unset. */
        public Integer integer(String name, int min, int max) {
            return env.string(name) == null ? null : env.integer(name, min, min, max);
        }

        @Override
        public String toString() {
            return "Settings[****]";
        }
    }

    public static Config from(Map<String, String> vars) {
        Env env = new Env(vars);
        int port = env.integer("AIL_PORT", 8080, 0, 65535);
        String publicUrl = env.url("AIL_PUBLIC_URL", "http://localhost:" + port);
        Path dataDir = Path.of(env.string("AIL_DATA_DIR", "./data")).toAbsolutePath().normalize();

        ExternalDatabase external = null;
        String dbUrl = env.string("AIL_DATABASE_URL");
        if (dbUrl != null) {
            if (!dbUrl.startsWith("jdbc:postgresql://")) {
                throw new ConfigError("AIL_DATABASE_URL", "must be a PostgreSQL JDBC URL such as jdbc:postgresql://db:5432/ail");
            }
            external = new ExternalDatabase(dbUrl, env.string("AIL_DATABASE_USER"), env.secret("AIL_DATABASE_PASSWORD"));
        }
        Secret key = env.key("AIL_ENCRYPTION_KEY", 32);
        if (external != null && key == null) {
            throw new ConfigError("AIL_ENCRYPTION_KEY", "is required with AIL_DATABASE_URL: set it to base64 of at least 32 random bytes (`openssl rand -base64 32`)");
        }

        Slack slack = null;
        Secret signing = env.secret("SLACK_SIGNING_SECRET");
        Secret botToken = env.secret("SLACK_BOT_TOKEN");
        String clientId = env.string("SLACK_CLIENT_ID");
        Secret clientSecret = env.secret("SLACK_CLIENT_SECRET");
        if (signing != null || botToken != null || clientId != null || clientSecret != null) {
            if (signing == null) {
                throw new ConfigError("SLACK_SIGNING_SECRET", "is required when Slack is configured (find it under Basic Information in the Slack app settings)");
            }
            // The signing secret alone is a valid first step (Slack's own order: create the app, copy the signing
            // secret, verify the request URL, then install); half of a client id/secret pair is a mistake.
            if (botToken == null && (clientId == null) != (clientSecret == null)) {
                throw new ConfigError(clientId == null ? "SLACK_CLIENT_ID" : "SLACK_CLIENT_SECRET",
                        "is required with " + (clientId == null ? "SLACK_CLIENT_SECRET" : "SLACK_CLIENT_ID")
                        + " (both are under Basic Information in the Slack app settings)");
            }
            slack = new Slack(signing, botToken, clientId, clientSecret, env.secret("SLACK_APP_TOKEN"),
                    env.url("SLACK_API_URL", null));
        }

        Discord discord = null;
        Secret discordToken = env.secret("DISCORD_BOT_TOKEN");
        if (discordToken != null) {
            String shards = env.string("DISCORD_SHARDS");
            discord = new Discord(discordToken, env.string("DISCORD_GUILD_ID"), env.url("DISCORD_API_URL", null),
                    shards == null ? null : env.integer("DISCORD_SHARDS", 1, 1, 10_000), env.string("DISCORD_SHARD_IDS"));
        }

        Engine engine = new Engine(
                Duration.ofMillis(env.integer("AIL_POLL_INTERVAL_MS", 1000, 50, 60_000)),
                Duration.ofSeconds(env.integer("AIL_HTTP_TIMEOUT_SECONDS", 30, 1, 600)),
                env.integer("AIL_MAX_ATTEMPTS", 5, 1, 50),
                env.integer("AIL_ENGINE_THREADS", 128, 1, 256),
                Duration.ofMillis(env.integer("AIL_HEARTBEAT_MS", 10_000, 100, 600_000)));

        return new Config(port, publicUrl, dataDir, external, key,
                env.integer("AIL_RETENTION_DAYS", 90, 1, 36_500),
                env.string("AIL_CONTACT_EMAIL", SHIPPED_CONTACT_EMAIL),
                env.readableFile("AIL_PRIVACY_POLICY_FILE"),
                env.readableFile("AIL_TERMS_FILE"),
                LogFormat.parse(env.string("AIL_LOG_FORMAT", "text")),
                env.bool("AIL_INSECURE_LOOPBACK", false),
                slack, discord, engine, new Settings(env), metricsToken(env),
                new CommandRates(env.integer("AIL_COMMANDS_PER_MINUTE_USER", 30, 0, 100_000),
                        env.integer("AIL_COMMANDS_PER_MINUTE_WORKSPACE", 300, 0, 1_000_000)));
    }
}
