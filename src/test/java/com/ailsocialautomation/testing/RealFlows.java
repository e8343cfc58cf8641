package com.ailsocialautomation.testing;

import com.ailsocialautomation.App;
import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.fakes.FakeGraph;
import com.ailsocialautomation.fakes.FakeLinkedIn;
import com.ailsocialautomation.fakes.FakeMastodon;
import com.ailsocialautomation.fakes.FakeSlack;
import com.ailsocialautomation.fakes.FakeThreads;
import com.ailsocialautomation.fakes.FakeTikTok;
import com.ailsocialautomation.fakes.FakeWebhookReceiver;
import com.ailsocialautomation.fakes.FakeX;
import com.ailsocialautomation.fakes.FakeYouTube;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.store.SecretColumns;

import javax.sql.DataSource;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service as Main starts it (Slack distributed, X, LinkedIn, Threads, TikTok and Mastodon configured) against
 * FakeSlack, FakeX, FakeLinkedIn, FakeThreads, FakeTikTok, FakeMastodon and a webhook receiver, driven the way people drive it: Slack installed through
 * /slack/install, accounts connected through the commands, the confirmation pages and the platforms' OAuth
 * callbacks, posts made with the commands. Tests use it to prove what lands in the database through the real
 * write paths. {@link #decrypted} opens every encrypted column with the service's own vault and remembers every
 * value it saw in {@link #seen}, so values of rows that are gone later are still searched for.
 */
public final class RealFlows implements AutoCloseable {
    public static final String PUBLIC_URL = "https://ail.example.com";
    private static final String SIGNING_SECRET = "real-flows-signing-secret-0123456789";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public final FakeX x = FakeX.start();
    public final FakeLinkedIn linkedin = FakeLinkedIn.start();
    public final FakeMastodon mastodon = FakeMastodon.start();
    public final FakeTikTok tiktok = FakeTikTok.start();
    public final FakeGraph graph = FakeGraph.start(PUBLIC_URL);
    public final FakeYouTube youtube = FakeYouTube.start();
    public final FakeThreads threads = FakeThreads.start();
    public final FakeSlack slack;
    public final FakeWebhookReceiver hook;
    public final App app;
    /** Ana, who installs AIL in the fake Slack workspace and does everything else too. */
    public final Invocation ana = new Invocation(FrontEnd.SLACK, FakeSlack.TEAM, "U0ANA7731", "Ana Quintero", false, null, null);
    /** Ana's colleague in the same workspace. */
    public final Invocation bob = new Invocation(FrontEnd.SLACK, FakeSlack.TEAM, "U0BOB4410", "Bob Marsh", false, null, null);
    /** Every value of every encrypted column seen so far, by "table.column". */
    public final Map<String, List<String>> seen = new LinkedHashMap<>();
    private final Browser browser = new Browser("Mozilla/5.0 (AIL test)");
    private final String local;
    private FakeX.Callback xCallback;

    public RealFlows(Path tmp) throws Exception {
        this(tmp, Map.of());
    }

    /** The same service with more settings (AIL_LINKEDIN_ORGANIZATIONS=true...). */
    public RealFlows(Path tmp, Map<String, String> settings) throws Exception {
        slack = new FakeSlack();
        slack.rotateTokens(Duration.ofHours(12));
        slack.addUser(new FakeSlack.User(ana.userId(), ana.displayName(), "UTC", false, false));
        slack.addUser(new FakeSlack.User(bob.userId(), bob.displayName(), "UTC", false, false));
        slack.installedBy(ana.userId());
        hook = new FakeWebhookReceiver();
        linkedin.issueRefreshTokens(true);
        ServiceEnv env = ServiceEnv.in(tmp.resolve("data")).with("AIL_PUBLIC_URL", PUBLIC_URL) // the callbacks the fakes' apps are registered with
                .with("AIL_HTTP_TIMEOUT_SECONDS", "5")
                .with("AIL_X_CLIENT_ID", FakeX.CLIENT_ID).with("AIL_X_CLIENT_SECRET", FakeX.CLIENT_SECRET)
                .with("AIL_X_API_URL", x.url()).with("AIL_X_AUTH_URL", x.url())
                .with("AIL_LINKEDIN_CLIENT_ID", FakeLinkedIn.CLIENT_ID).with("AIL_LINKEDIN_CLIENT_SECRET", FakeLinkedIn.CLIENT_SECRET)
                .with("AIL_LINKEDIN_API_URL", linkedin.url()).with("AIL_LINKEDIN_AUTH_URL", linkedin.url())
                .with("AIL_YOUTUBE_CLIENT_ID", FakeYouTube.CLIENT_ID).with("AIL_YOUTUBE_CLIENT_SECRET", FakeYouTube.CLIENT_SECRET)
                .with("AIL_YOUTUBE_API_URL", youtube.url()).with("AIL_YOUTUBE_AUTH_URL", youtube.url())
                .with("AIL_TIKTOK_CLIENT_ID", FakeTikTok.CLIENT_KEY).with("AIL_TIKTOK_CLIENT_SECRET", FakeTikTok.CLIENT_SECRET)
                .with("AIL_TIKTOK_API_URL", tiktok.url()).with("AIL_TIKTOK_AUTH_URL", tiktok.url())
                .with("AIL_META_CLIENT_ID", FakeGraph.APP_ID).with("AIL_META_CLIENT_SECRET", FakeGraph.APP_SECRET)
                .with("AIL_META_API_URL", graph.url()).with("AIL_META_AUTH_URL", graph.url())
                .with("AIL_THREADS_CLIENT_ID", FakeThreads.CLIENT_ID).with("AIL_THREADS_CLIENT_SECRET", FakeThreads.CLIENT_SECRET)
                .with("AIL_THREADS_API_URL", threads.url()).with("AIL_THREADS_AUTH_URL", threads.url())
                .with("SLACK_SIGNING_SECRET", SIGNING_SECRET).with("SLACK_CLIENT_ID", FakeSlack.CLIENT_ID)
                .with("SLACK_CLIENT_SECRET", FakeSlack.CLIENT_SECRET).with("SLACK_API_URL", slack.url())
                ;
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            env = env.with(setting.getKey(), setting.getValue());
        }
        app = env.start();
        local = "http://127.0.0.1:" + app.port();
        graph.fetchVia(PUBLIC_URL, local); // Meta fetches AIL's public media links; here they are on loopback
        threads.fetchesFrom(PUBLIC_URL, local); // Threads fetches media from AIL's public URL, which is this service
    }

    public DataSource db() {
        return app.database().dataSource();
    }

    public Reply run(String command) {
        return app.commands().run(ana, command);
    }

    public Reply run(Invocation who, String command) {
        return app.commands().run(who, command);
    }

    /** Slack's Events API telling AIL it was uninstalled from the workspace, signed as Slack signs: the HTTP status. */
    public int uninstallSlack() throws Exception {
        String body = "{\"token\":\"deprecated\",\"team_id\":\"" + FakeSlack.TEAM + "\",\"api_app_id\":\"A0AIL\","
                + "\"event\":{\"type\":\"app_uninstalled\",\"event_ts\":\"1700000000.3\"},\"type\":\"event_callback\","
                + "\"event_id\":\"EvUninstall1\",\"event_time\":1700000000,\"authorizations\":[{\"enterprise_id\":null,"
                + "\"team_id\":\"" + FakeSlack.TEAM + "\",\"user_id\":\"U0BOT\",\"is_bot\":true,\"is_enterprise_install\":false}]}";
        String ts = Long.toString(java.time.Instant.now().getEpochSecond());
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "v0=" + java.util.HexFormat.of().formatHex(mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8)));
        return HTTP.send(HttpRequest.newBuilder(URI.create(local + "/slack/events")).header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", ts).header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** Installs AIL in FakeSlack's workspace as a browser does; the tokens Slack issued (bot and refresh). */
    public List<String> installSlack() throws Exception {
        HttpResponse<String> start = get(local + "/slack/install", null);
        String authorize = start.headers().firstValue("Location").orElseThrow(() -> new AssertionError(start.body()));
        String cookie = start.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String code = slack.approve(authorize);
        HttpResponse<String> back = get(local + "/slack/oauth_redirect?code=" + code + "&state=" + query(authorize).get("state"), cookie);
        String done = back.headers().firstValue("Location").orElse("");
        if (!done.endsWith("/slack/installed")) {
            throw new AssertionError("the install ended at " + done + ": " + back.body());
        }
        return slack.issued();
    }

    /** {@code connect x} up to X's authorize page (the PKCE verifier is now stored): the verifier, checked against the challenge. */
    public String startX() throws Exception {
        URI authorize = confirm(link(run("connect x"), "x"));
        xCallback = x.approve(authorize);
        String verifier = only("oauth_states", "pkce_verifier_enc");
        if (!FakeX.s256(verifier).equals(query(authorize.toString()).get("code_challenge"))) {
            throw new AssertionError("the stored verifier is not the one behind the challenge");
        }
        return verifier;
    }

    /** Comes back from X's page: the X tokens AIL stored, each still valid at X. */
    public List<String> finishX() throws Exception {
        callback(local + "/oauth/x/callback?state=" + xCallback.state() + "&code=" + xCallback.code());
        List<String> tokens = tokensOf("x");
        if (!x.accessTokenValid(tokens.get(0)) || !x.refreshTokenValid(tokens.get(1))) {
            throw new AssertionError("AIL keeps tokens X did not issue");
        }
        return tokens;
    }

    /** {@code connect linkedin} through LinkedIn's page and callback: the tokens AIL stored, the access token valid at LinkedIn. */
    public List<String> connectLinkedIn() throws Exception {
        FakeLinkedIn.Callback back = linkedin.approve(confirm(link(run("connect linkedin"), "linkedin")));
        callback(local + "/oauth/linkedin/callback?state=" + back.state() + "&code=" + back.code());
        List<String> tokens = tokensOf("linkedin");
        if (!linkedin.accessTokenValid(tokens.get(0)) || tokens.get(1) == null) {
            throw new AssertionError("AIL keeps tokens LinkedIn did not issue");
        }
        return tokens;
    }

    /**
     * {@code connect linkedin} through LinkedIn's consent page to the page AIL answers the callback with (a choice of
     * Pages, or the connected profile), in Ana's browser; {@code consent} receives the authorize URL.
     */
    public HttpResponse<String> startLinkedIn(java.util.function.Consumer<URI> consent) {
        URI authorize = confirm(link(run("connect linkedin"), "linkedin"));
        consent.accept(authorize);
        FakeLinkedIn.Callback back = linkedin.approve(authorize);
        return browser.get(local + "/oauth/linkedin/callback?state=" + back.state() + "&code=" + back.code());
    }

    /**
     * {@code connect <facebook|instagram>} through Meta's dialog to AIL's page that offers the accounts: that page,
     * in Ana's browser, with its form.
     */
    public HttpResponse<String> startMeta(String platform) {
        FakeGraph.Callback back = graph.approve(confirm(link(run("connect " + platform), platform)));
        HttpResponse<String> page = browser.get(local + "/oauth/" + platform + "/callback?state=" + back.state() + "&code=" + back.code());
        if (page.statusCode() != 200 || !page.body().contains("<form")) {
            throw new AssertionError(page.statusCode() + " " + page.body());
        }
        return page;
    }

    /** Sends the choice form of {@code page} with only the boxes {@code keep} ticked: the page that answers. */
    public HttpResponse<String> choose(String platform, HttpResponse<String> page, java.util.Set<Integer> keep) {
        Map<String, String> fields = Browser.formFields(page.body());
        fields.keySet().removeIf(k -> k.startsWith("choose-") && !keep.contains(Integer.parseInt(k.substring(7))));
        return browser.post(local + "/oauth/" + platform + "/callback", fields);
    }

    /** AIL's own address on loopback. */
    public String localUrl() {
        return local;
    }

    /** The browser the flows use: its cookies, or a page a test opens itself. */
    public Browser browser() {
        return browser;
    }

    /**
     * {@code connect youtube} through Google's consent page and the callback: the tokens AIL stored (access and
     * refresh), each still valid at Google. {@code consent} receives the authorize URL the browser was sent to.
     */
    public List<String> connectYouTube(java.util.function.Consumer<URI> consent) throws Exception {
        URI authorize = confirm(link(run("connect youtube"), "youtube"));
        consent.accept(authorize);
        FakeYouTube.Callback back = youtube.approve(authorize);
        callback(local + "/oauth/youtube/callback?state=" + back.state() + "&code="
                + java.net.URLEncoder.encode(back.code(), StandardCharsets.UTF_8));
        List<String> tokens = tokensOf("youtube");
        if (!youtube.accessTokenValid(tokens.get(0)) || tokens.get(1) == null || !youtube.refreshTokenValid(tokens.get(1))) {
            throw new AssertionError("AIL keeps tokens Google did not issue");
        }
        return tokens;
    }

    /** {@code connect threads} through Threads' authorization window and callback: the long-lived token AIL stored. */
    public String connectThreads() throws Exception {
        FakeThreads.Callback back = threads.approve(confirm(link(run("connect threads"), "threads")));
        callback(local + "/oauth/threads/callback?state=" + back.state() + "&code=" + back.code());
        List<String> tokens = tokensOf("threads");
        if (!threads.tokenValid(tokens.get(0)) || !tokens.get(0).equals(tokens.get(1))) {
            throw new AssertionError("AIL keeps a Threads token Threads did not issue as long-lived");
        }
        return tokens.get(0);
    }

    /** {@code connect tiktok} through TikTok's page and callback: the tokens AIL stored, both valid at TikTok. */
    public List<String> connectTikTok() throws Exception {
        FakeTikTok.Callback back = tiktok.approve(confirm(link(run("connect tiktok"), "tiktok")));
        callback(local + "/oauth/tiktok/callback?state=" + back.state() + "&code=" + java.net.URLEncoder.encode(back.code(),
                StandardCharsets.UTF_8));
        List<String> tokens = tokensOf("tiktok");
        if (!tiktok.accessTokenValid(tokens.get(0)) || !tiktok.refreshTokenValid(tokens.get(1))) {
            throw new AssertionError("AIL keeps tokens TikTok did not issue");
        }
        return tokens;
    }

    /**
     * Serves {@code bytes} on loopback at a path only this call knows, for a media: link; the link works until the
     * returned server is stopped.
     */
    public static com.sun.net.httpserver.HttpServer serve(String name, byte[] bytes) throws java.io.IOException {
        com.sun.net.httpserver.HttpServer files = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        files.createContext("/" + name, exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        files.start();
        return files;
    }

    /** {@code connect mastodon <instance>}, registering AIL's app there: the token and the app's client secret the instance issued. */
    public List<String> connectMastodon() throws Exception {
        String back = mastodon.approve(confirm(link(run("connect mastodon " + mastodon.url()), "mastodon")));
        callback(back.replace(PUBLIC_URL, local));
        return List.of(mastodon.tokens().get(mastodon.tokens().size() - 1), mastodon.apps().get(mastodon.apps().size() - 1).clientSecret());
    }

    /** {@code connect webhook <url with a secret path> name:"Blog"} from Slack: the link to AIL's confirmation page. */
    public String askForWebhook(String secretPath) {
        Reply reply = run("connect webhook " + hook.url() + "/" + secretPath + " name:\"Blog\"");
        Matcher m = Pattern.compile(Pattern.quote(PUBLIC_URL) + "/connect/webhook\\?s=[A-Za-z0-9_-]{43}").matcher(reply.text());
        if (!m.find()) {
            throw new AssertionError(reply.text());
        }
        return m.group();
    }

    /** Confirms the webhook on AIL's page: its account's short id and the signing secret the page showed once. */
    public List<String> confirmWebhook(String link) {
        String url = link.replace(PUBLIC_URL, local);
        String page = browser.submit(url, browser.get(url), Map.of()).body();
        Matcher secret = Pattern.compile("<pre>(whsec_[A-Za-z0-9+/=]+)</pre>").matcher(page);
        Matcher account = Pattern.compile("Connected webhook (\\w+) ").matcher(page);
        if (!secret.find() || !account.find()) {
            throw new AssertionError(page);
        }
        hook.expectSecret(secret.group(1));
        return List.of(account.group(1), secret.group(1));
    }

    /** {@code post to:<account> <text>} that the webhook refuses with 422 and {@code answer}; waits for the failure notice. */
    public void failAPublish(String account, String text, String answer) throws InterruptedException {
        hook.failNext(1, 422, null, answer);
        run("post to:" + account + " " + text);
        if (!Eventually.eventually(Duration.ofSeconds(30), () -> count("select count(*) from notifications") > 0
                && count("select count(*) from post_targets where state = 'failed'") > 0)) {
            throw new AssertionError("the publish did not fail and tell Ana");
        }
    }

    /**
     * {@code post to:<account> media:<link> <text>} with a picture served from loopback under a name only this call
     * knows; AIL copies it when it accepts the post. Returns the name, which AIL keeps (encrypted) with the copy.
     */
    public String postMedia(String account) throws Exception {
        String name = "holiday-" + UUID.randomUUID();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
        com.sun.net.httpserver.HttpServer files = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        files.createContext("/" + name, exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, png.size());
                exchange.getResponseBody().write(png.toByteArray());
            }
        });
        files.start();
        try {
            String reply = run("schedule in:2h to:" + account + " media:http://127.0.0.1:" + files.getAddress().getPort()
                    + "/" + name + " A post with a picture").text();
            if (!reply.startsWith("Post ")) {
                throw new AssertionError(reply);
            }
        } finally {
            files.stop(0);
        }
        return name;
    }

    /**
     * Every value of every encrypted column now, opened with the service's vault, by "table.column"; each is added
     * to {@link #seen}.
     */
    public Map<String, List<String>> decrypted() {
        Map<String, List<String>> now = new LinkedHashMap<>();
        for (SecretColumns.Column column : SecretColumns.ALL) {
            List<String> values = values(column, "true");
            if (!values.isEmpty()) {
                now.put(column.table() + "." + column.column(), values);
                List<String> all = seen.computeIfAbsent(column.table() + "." + column.column(), k -> new ArrayList<>());
                values.stream().filter(v -> !all.contains(v)).forEach(all::add);
            }
        }
        return now;
    }

    /**
     * The notices AIL has for its people: those still queued (notifications.payload_enc) and those already delivered
     * to Slack (chat.postMessage). Both, because delivering a notice clears its queued payload: reading only the queue
     * misses a notice the notifier delivered before the test looked, and an assertion that a notice is not sent must
     * look in both places. The queue is read first, so a notice delivered in between is counted twice, never missed.
     */
    public List<String> notices() {
        List<String> all = new ArrayList<>(decrypted().getOrDefault("notifications.payload_enc", List.of()));
        slack.calls("chat.postMessage").forEach(c -> all.add(c.form() + " " + c.json()));
        return all;
    }

    /** Where any value AIL encrypted (now or earlier in the flows) is found in clear: "value in table.column". */
    public List<String> inClear() {
        decrypted();
        List<String> hits = new ArrayList<>();
        seen.forEach((column, values) -> values.stream().filter(v -> v.length() >= 12).forEach(v ->
                RawTables.rowsContaining(db(), v).forEach(hit -> hits.add(column + " value in " + hit))));
        return hits;
    }

    /** The state of the one target of the post with {@code text}, once it is {@code state} (within 30 s). */
    public void awaitState(String text, String state) throws InterruptedException {
        if (!Eventually.eventually(Duration.ofSeconds(30), () -> count("select count(*) from post_targets t join posts p on p.id = t.post_id "
                + "where p.text = ? and t.state = ?", text, state) > 0)) {
            throw new AssertionError("the post \"" + text + "\" never became " + state);
        }
    }

    /** The short id people use for the post with {@code text}. */
    public String shortIdOf(String text) {
        try (Connection c = db().getConnection(); PreparedStatement ps = c.prepareStatement("select short_id from posts where text = ?")) {
            ps.setString(1, text);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no post \"" + text + "\"");
                }
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of each row, as text. */
    public List<String> column(String sql, Object... params) {
        try (Connection c = db().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String one(String sql, Object... params) {
        List<String> rows = column(sql, params);
        if (rows.size() != 1) {
            throw new AssertionError(rows.size() + " rows for " + sql);
        }
        return rows.get(0);
    }

    /** The counts of the one audit record of {@code action}. */
    public Map<String, Integer> auditCounts(String action) throws Exception {
        String json = one("select counts::text from audit_records where action = ?", action);
        Map<String, Integer> out = new LinkedHashMap<>();
        com.ailsocialautomation.Json.MAPPER.readTree(json).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asInt()));
        return out;
    }

    public long count(String sql, Object... params) {
        try (Connection c = db().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> tokensOf(String platform) {
        SecretColumns.Column access = column("social_accounts", "access_token_enc");
        SecretColumns.Column refresh = column("social_accounts", "refresh_token_enc");
        String where = "platform = '" + platform + "'";
        decrypted();
        List<String> a = values(access, where);
        List<String> r = values(refresh, where);
        if (a.size() != 1) {
            throw new AssertionError("one " + platform + " account expected: " + a.size());
        }
        List<String> both = new ArrayList<>(a);
        both.add(r.isEmpty() ? null : r.get(0));
        return both;
    }

    private String only(String table, String name) {
        decrypted();
        List<String> values = values(column(table, name), "true");
        if (values.size() != 1) {
            throw new AssertionError(values.size() + " values in " + table + "." + name);
        }
        return values.get(0);
    }

    private static SecretColumns.Column column(String table, String name) {
        return SecretColumns.ALL.stream().filter(c -> c.table().equals(table) && c.column().equals(name)).findFirst().orElseThrow();
    }

    private List<String> values(SecretColumns.Column column, String where) {
        String sql = "select id, " + (column.inWorkspace() ? "workspace_id" : "null::uuid") + ", " + column.column()
                + " from " + column.table() + " where " + column.column() + " is not null and " + where;
        List<String> out = new ArrayList<>();
        try (Connection c = db().getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(app.vault().decrypt(rs.getBytes(3), column.place(rs.getObject(1), rs.getObject(2, UUID.class))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static String link(Reply reply, String platform) {
        Matcher m = Pattern.compile(Pattern.quote(PUBLIC_URL) + "/oauth/" + platform + "/start\\?s=[A-Za-z0-9_-]{43}").matcher(reply.text());
        if (!m.find()) {
            throw new AssertionError(reply.text());
        }
        return m.group();
    }

    /** Opens a connect link and presses its confirmation button: the platform's authorize URL. */
    private URI confirm(String link) {
        String url = link.replace(PUBLIC_URL, local);
        HttpResponse<String> start = browser.submit(url, browser.get(url), Map.of());
        if (start.statusCode() != 303) {
            throw new AssertionError(start.statusCode() + " " + start.body());
        }
        return URI.create(start.headers().firstValue("Location").orElseThrow());
    }

    private void callback(String url) {
        HttpResponse<String> page = browser.get(url);
        if (page.statusCode() != 200 || !page.body().contains("is connected")) {
            throw new AssertionError(page.statusCode() + " " + page.body());
        }
    }

    private static HttpResponse<String> get(String url, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> query(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    public void close() throws Exception {
        try {
            app.close();
        } finally {
            hook.close();
            slack.close();
            mastodon.close();
            graph.close();
            youtube.close();
            linkedin.close();
            tiktok.close();
            x.close();
            threads.close();
        }
    }
}
