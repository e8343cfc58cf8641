package com.ailsocialautomation.fakes;

import com.ailsocialautomation.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.websocket.WsContext;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Discord's REST API (v10) and gateway on 127.0.0.1, as strict as the parts AIL uses: every REST call needs
 * {@code Authorization: Bot <token>}; the gateway says HELLO, requires IDENTIFY with the token, answers heartbeats,
 * then sends READY and a GUILD_CREATE for each guild. As Discord does, it answers a body that is not JSON with 400
 * (50109), content over 2,000 characters or an embed description over 4,096 with 400 (50035), command definitions
 * outside the application command schema with 400 (50035), a second acknowledgement of one interaction with 400
 * (40060) and an interaction callback whose token is not the interaction's with 401 (50027). Tests can make a user
 * block DMs (50007), answer the next calls of a route with 429 and a {@code retry_after}, dispatch gateway events
 * (GUILD_DELETE), and read what arrived. It delivers message commands with the message in {@code data.resolved}
 * and the submission of a modal AIL showed, and refuses a modal outside Discord's rules ({@link DiscordModalSchema})
 * or in answer to a modal's submission.
 * Its CDN part serves the files attached to a slash command ({@link #attachment}) at signed addresses as Discord's
 * CDN does: {@code ex} (expiry, hex seconds), {@code is} (issued) and {@code hm} (an HMAC over the path and both);
 * an address whose signature does not match, or that has expired, or whose file is gone answers 404 like Discord.
 */
public final class FakeDiscord implements AutoCloseable {
    public static final String BOT_ID = "800000000000000001";
    public static final String APP_ID = "800000000000000001";
    private static final int APPLICATION_COMMAND = 2;
    private static final int MODAL_SUBMIT = 5;
    /** The interaction response that shows a modal. */
    private static final int MODAL = 9;

    /** A REST call that arrived (after the auth check). */
    public record Call(String method, String path, JsonNode body, long atMillis) {}

    private final String token;
    /** People signing in with Discord (the web calendar). */
    public final FakeDiscordOAuth oauth = new FakeDiscordOAuth();
    private final Javalin app;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<JsonNode> identifies = new CopyOnWriteArrayList<>();
    private final List<WsContext> sessions = new CopyOnWriteArrayList<>();
    private final Map<String, String> guildChannels = new ConcurrentHashMap<>();
    private final Set<String> blockingDms = ConcurrentHashMap.newKeySet();
    private final Map<String, String> dmChannelOwners = new ConcurrentHashMap<>();
    private final Map<String, Integer> rateLimited = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(600000000000000000L);
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<String, Long> interactionsSent = new ConcurrentHashMap<>();
    private final Map<String, String> interactionTokens = new ConcurrentHashMap<>(); // interaction id -> its token
    private final Map<String, Integer> interactionTypes = new ConcurrentHashMap<>();
    private final List<JsonNode> modals = new CopyOnWriteArrayList<>();
    private final AtomicInteger interactionCount = new AtomicInteger();
    private final Set<String> acknowledgedInteractions = ConcurrentHashMap.newKeySet();
    private final Set<String> acknowledgedTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, Attached> attached = new ConcurrentHashMap<>();
    private final List<String> cdnAuthorizations = new CopyOnWriteArrayList<>();
    private final byte[] cdnKey = Long.toString(System.nanoTime()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private volatile double retryAfter = 1.0;

    /** A file attached to a slash command, as the CDN keeps it. */
    private record Attached(String id, String filename, String contentType, byte[] bytes) {}
    private volatile int unauthorized;
    private volatile String lastInteraction;

    public FakeDiscord(String token) {
        this.token = token;
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = 0;
            cfg.routes.before("/api/v10/*", this::authorize);
            cfg.routes.get("/api/v10/gateway", ctx -> ctx.json(Map.of("url", gatewayUrl())));
            cfg.routes.get("/api/v10/gateway/bot", ctx -> ctx.json(Map.of("url", gatewayUrl(), "shards", 1,
                    "session_start_limit", Map.of("total", 1000, "remaining", 1000, "reset_after", 0, "max_concurrency", 1))));
            cfg.routes.get("/api/v10/users/@me", ctx -> {
                if (oauth.personal(ctx.header("Authorization"))) {
                    oauth.me(ctx);
                } else {
                    ctx.json(user(BOT_ID, "AIL", true));
                }
            });
            cfg.routes.get("/api/v10/users/@me/guilds", oauth::guilds);
            cfg.routes.get("/oauth2/authorize", oauth::authorize);
            cfg.routes.post("/api/v10/oauth2/token", oauth::token);
            cfg.routes.put("/api/v10/applications/{app}/commands", this::commands);
            cfg.routes.put("/api/v10/applications/{app}/guilds/{guild}/commands", this::commands);
            cfg.routes.post("/api/v10/users/@me/channels", this::openDm);
            cfg.routes.post("/api/v10/channels/{channel}/messages", this::message);
            cfg.routes.post("/api/v10/interactions/{id}/{token}/callback", this::callback);
            // older JDA sends @original percent-encoded (%40original), 6.4 as it is: both are recorded as @original
            cfg.routes.patch("/api/v10/webhooks/{app}/{token}/messages/{message}", this::webhookMessage);
            cfg.routes.post("/api/v10/webhooks/{app}/{token}", this::webhookMessage);
            // an endpoint this fake does not know is recorded, so that a test's failure message shows it
            cfg.routes.error(404, ctx -> calls.add(new Call("UNKNOWN " + ctx.method().name(), ctx.path(), null, System.currentTimeMillis())));
            cfg.routes.get("/ephemeral-attachments/{app}/{id}/{filename}", this::cdn);
            cfg.routes.get("/attachments/{channel}/{id}/{filename}", this::cdn);
            cfg.routes.ws("/gateway", ws -> {
                ws.onConnect(ctx -> {
                    sessions.add(ctx);
                    ctx.send(Json.MAPPER.writeValueAsString(Map.of("op", 10, "d", Map.of("heartbeat_interval", 45000))));
                });
                ws.onMessage(ctx -> gateway(ctx, Json.MAPPER.readTree(ctx.message())));
                ws.onClose(sessions::remove);
            });
        }).start();
    }

    /**
     * A file someone attached to a slash command: the attachment object Discord puts in the interaction's resolved
     * data (id, filename, size, signed url and proxy_url, content_type, ephemeral, and the description people may give),
     * valid for a day.
     */
    public Map<String, Object> attachment(String filename, String contentType, byte[] bytes, String description) {
        return attached("/ephemeral-attachments/" + APP_ID, true, filename, contentType, bytes, description);
    }

    /**
     * A file posted with a message in {@code channelId}: the same object, at the CDN's address for message
     * attachments, not ephemeral. {@code contentType} null is a file Discord could not type.
     */
    public Map<String, Object> messageAttachment(String channelId, String filename, String contentType, byte[] bytes,
                                                 String description) {
        return attached("/attachments/" + channelId, false, filename, contentType, bytes, description);
    }

    private Map<String, Object> attached(String prefix, boolean ephemeral, String filename, String contentType, byte[] bytes,
                                         String description) {
        String id = Long.toString(ids.incrementAndGet());
        attached.put(id, new Attached(id, filename, contentType, bytes.clone()));
        String path = prefix + "/" + id + "/" + filename;
        long now = System.currentTimeMillis() / 1000;
        String ex = Long.toHexString(now + 86_400);
        String is = Long.toHexString(now);
        String url = "http://127.0.0.1:" + app.port() + path + "?ex=" + ex + "&is=" + is + "&hm=" + sign(path, ex, is);
        Map<String, Object> attachment = new java.util.LinkedHashMap<>();
        attachment.put("id", id);
        attachment.put("filename", filename);
        attachment.put("size", bytes.length);
        attachment.put("url", url);
        attachment.put("proxy_url", url);
        if (contentType != null) {
            attachment.put("content_type", contentType);
        }
        attachment.put("ephemeral", ephemeral);
        if (description != null) {
            attachment.put("description", description);
        }
        return attachment;
    }

    /** The attachment is gone from the CDN (the person deleted it, or Discord dropped the ephemeral file). */
    public void dropAttachment(String id) {
        attached.remove(id);
    }

    /** The Authorization headers that CDN requests carried ("" for none): a bot token has no business there. */
    public List<String> cdnAuthorizations() {
        return List.copyOf(cdnAuthorizations);
    }

    private void cdn(Context ctx) {
        cdnAuthorizations.add(ctx.header("Authorization") == null ? "" : ctx.header("Authorization"));
        String path = ctx.path();
        String ex = ctx.queryParam("ex");
        String is = ctx.queryParam("is");
        Attached file = attached.get(ctx.pathParam("id"));
        boolean signed = ex != null && is != null && sign(path, ex, is).equals(ctx.queryParam("hm"))
                && Long.parseLong(ex, 16) > System.currentTimeMillis() / 1000;
        if (!signed || file == null || !file.filename().equals(ctx.pathParam("filename"))) {
            ctx.status(404).contentType("text/plain").result("This content is no longer available.");
            return;
        }
        ctx.contentType(file.contentType() == null ? "application/octet-stream" : file.contentType()).result(file.bytes());
    }

    private String sign(String path, String ex, String is) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(cdnKey, "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal((path + ex + is).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + app.port() + "/api/v10/";
    }

    private String gatewayUrl() {
        return "ws://127.0.0.1:" + app.port() + "/gateway";
    }

    /** A guild the bot is in, with one text channel, announced in READY and GUILD_CREATE. */
    public void addGuild(String guildId, String channelId) {
        guildChannels.put(guildId, channelId);
    }

    /** {@code userId} does not accept DMs from server members: sending to them answers 50007. */
    public void blockDms(String userId) {
        blockingDms.add(userId);
    }

    /** The next {@code n} calls whose path ends with {@code pathSuffix} answer 429 with {@code retry_after}. */
    public void rateLimit(String pathSuffix, int n, double retryAfterSeconds) {
        retryAfter = retryAfterSeconds;
        rateLimited.put(pathSuffix, n);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method, String pathSuffix) {
        return calls.stream().filter(c -> c.method().equals(method) && c.path().endsWith(pathSuffix)).toList();
    }

    public List<JsonNode> identifies() {
        return List.copyOf(identifies);
    }

    /** The id of the interaction {@link #slashCommand} dispatched last. */
    public String lastInteractionId() {
        return lastInteraction;
    }

    public int unauthorized() {
        return unauthorized;
    }

    /** Sends a dispatch (op 0) to every connected shard. */
    public void dispatch(String type, Object data) {
        for (WsContext session : sessions) {
            send(session, type, data);
        }
    }

    private void authorize(Context ctx) throws Exception {
        String path = ctx.path().substring("/api/v10/".length()).replace("%40", "@");
        // Interaction callbacks and their webhooks are authorised by the interaction token in the path.
        boolean byInteractionToken = path.startsWith("interactions/") || path.startsWith("webhooks/");
        // a person's OAuth: the token endpoint authenticates the client itself; /users/@me... take their Bearer token
        boolean personal = path.equals("oauth2/token") || (path.startsWith("users/@me") && !path.equals("users/@me/channels")
                && oauth.personal(ctx.header("Authorization")));
        if (personal) {
            calls.add(new Call(ctx.method().name(), path, null, System.currentTimeMillis()));
            return;
        }
        if (!byInteractionToken && !("Bot " + token).equals(ctx.header("Authorization"))) {
            unauthorized++;
            ctx.status(401).json(Map.of("message", "401: Unauthorized", "code", 0));
            ctx.skipRemainingHandlers();
            return;
        }
        String type = ctx.header("Content-Type");
        boolean json = type != null && type.startsWith("application/json");
        JsonNode body = json && !ctx.body().isEmpty() ? parse(ctx.body())
                : ctx.formParamMap().containsKey("payload_json") ? parse(ctx.formParam("payload_json")) : null;
        if (body == null && (json && !ctx.body().isEmpty() || ctx.formParamMap().containsKey("payload_json"))) {
            calls.add(new Call(ctx.method().name() + "!400", path, null, System.currentTimeMillis()));
            ctx.status(400).json(Map.of("message", "The request body contains invalid JSON.", "code", 50109));
            ctx.skipRemainingHandlers();
            return;
        }
        String tooLong = body == null ? null : tooLong(body.has("data") && path.startsWith("interactions/") ? body.get("data") : body);
        if (tooLong != null) {
            calls.add(new Call(ctx.method().name() + "!400", path, body, System.currentTimeMillis()));
            ctx.status(400).json(invalidFormBody(tooLong, "BASE_TYPE_MAX_LENGTH", "Must be " + (tooLong.equals("content") ? 2000 : 4096)
                    + " or fewer in length."));
            ctx.skipRemainingHandlers();
            return;
        }
        for (Map.Entry<String, Integer> limit : rateLimited.entrySet()) {
            if (path.endsWith(limit.getKey()) && limit.getValue() > 0 && !ctx.method().name().equals("GET")) {
                rateLimited.put(limit.getKey(), limit.getValue() - 1);
                calls.add(new Call(ctx.method().name() + "!429", path, body, System.currentTimeMillis()));
                // Discord's answers pass its proxy (Via); JDA takes a 429 without it for Cloudflare's own limit.
                ctx.status(429).header("Retry-After", Long.toString((long) Math.ceil(retryAfter)))
                        .header("Via", "1.1 google").header("X-RateLimit-Scope", "user")
                        .header("X-RateLimit-Bucket", "fake-" + limit.getKey().replace('/', '-'))
                        .header("X-RateLimit-Limit", "5").header("X-RateLimit-Remaining", "0")
                        .header("X-RateLimit-Reset-After", Double.toString(retryAfter))
                        .json(Map.of("message", "You are being rate limited.", "retry_after", retryAfter, "global", false));
                ctx.skipRemainingHandlers();
                return;
            }
        }
        calls.add(new Call(ctx.method().name(), path, body, System.currentTimeMillis()));
        ctx.header("Via", "1.1 google");
    }

    private void commands(Context ctx) throws Exception {
        JsonNode commands = Json.MAPPER.readTree(ctx.body());
        String problem = DiscordCommandSchema.problem(commands);
        if (problem != null) {
            ctx.status(400).json(invalidFormBody(problem, "COMMAND_SCHEMA", "Invalid application command: " + problem));
            return;
        }
        ArrayNode answer = Json.MAPPER.createArrayNode();
        for (JsonNode command : commands) {
            ObjectNode registered = ((ObjectNode) command.deepCopy()).put("id", Long.toString(ids.incrementAndGet()))
                    .put("application_id", APP_ID).put("version", "1").put("type", command.path("type").asInt(1));
            if (ctx.pathParamMap().containsKey("guild")) {
                registered.put("guild_id", ctx.pathParam("guild"));
            }
            answer.add(registered);
        }
        ctx.json(answer);
    }

    private void openDm(Context ctx) throws Exception {
        String recipient = Json.MAPPER.readTree(ctx.body()).path("recipient_id").asText();
        if (recipient.isEmpty()) {
            ctx.status(400).json(Map.of("message", "Invalid Form Body", "code", 50035));
            return;
        }
        String channel = Long.toString(ids.incrementAndGet());
        dmChannelOwners.put(channel, recipient);
        ctx.json(Map.of("id", channel, "type", 1, "flags", 0, "recipients", List.of(user(recipient, "ana", false))));
    }

    private void message(Context ctx) throws Exception {
        String channel = ctx.pathParam("channel");
        String owner = dmChannelOwners.get(channel);
        if (owner == null && !guildChannels.containsValue(channel)) {
            ctx.status(404).json(Map.of("message", "Unknown Channel", "code", 10003));
            return;
        }
        if (owner != null && blockingDms.contains(owner)) {
            ctx.status(403).json(Map.of("message", "Cannot send messages to this user", "code", 50007));
            return;
        }
        JsonNode body = Json.MAPPER.readTree(ctx.formParamMap().containsKey("payload_json")
                ? ctx.formParam("payload_json") : ctx.body());
        ObjectNode message = Json.MAPPER.createObjectNode().put("id", Long.toString(ids.incrementAndGet()))
                .put("channel_id", channel).put("content", body.path("content").asText("")).put("type", 0)
                .put("timestamp", Instant.now().toString()).put("tts", false).put("mention_everyone", false)
                .put("pinned", false).put("flags", 0);
        message.set("author", Json.MAPPER.valueToTree(user(BOT_ID, "AIL", true)));
        message.set("embeds", embeds(body));
        message.set("components", body.has("components") ? body.get("components") : Json.MAPPER.createArrayNode());
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.putArray("attachments");
        ctx.json(message);
    }

    /**
     * Dispatches INTERACTION_CREATE for {@code /ail <subcommand>} by {@code userId} in a guild channel. As Discord
     * does, the interaction must be acknowledged within 3 seconds, or the callback answers 10062 Unknown interaction.
     */
    public void slashCommand(String interactionToken, String guildId, String userId, String subcommand) {
        slashCommand(interactionToken, guildId, userId, subcommand, List.of(), List.of());
    }

    /**
     * The same with the subcommand's options ({@code name}, {@code type}, {@code value}; an attachment option's value
     * is the attachment's id) and the attachments they name, which Discord sends in {@code data.resolved.attachments}.
     */
    public void slashCommand(String interactionToken, String guildId, String userId, String subcommand,
                             List<Map<String, Object>> options, List<Map<String, Object>> attachments) {
        Map<String, Object> data = new java.util.LinkedHashMap<>(Map.of("id", "610000000000000099", "name", "ail", "type", 1,
                "options", List.of(Map.of("name", subcommand, "type", 1, "options", options))));
        if (!attachments.isEmpty()) {
            Map<String, Object> resolved = new java.util.LinkedHashMap<>();
            attachments.forEach(a -> resolved.put((String) a.get("id"), a));
            data.put("resolved", Map.of("attachments", resolved));
        }
        interaction(interactionToken, guildId, userId, APPLICATION_COMMAND, data);
    }

    /**
     * A message in a guild channel as Discord's API gives it (what a message command's {@code data.resolved.messages}
     * carries): by {@code authorId}, with its content and attachments ({@link #messageAttachment}).
     */
    public Map<String, Object> message(String channelId, String authorId, String content, List<Map<String, Object>> attachments) {
        return Map.ofEntries(Map.entry("id", Long.toString(ids.incrementAndGet())), Map.entry("channel_id", channelId),
                Map.entry("type", 0), Map.entry("content", content), Map.entry("author", user(authorId, "ana", false)),
                Map.entry("timestamp", Instant.now().toString()), Map.entry("tts", false), Map.entry("mention_everyone", false),
                Map.entry("mentions", List.of()), Map.entry("mention_roles", List.of()), Map.entry("pinned", false),
                Map.entry("embeds", List.of()), Map.entry("components", List.of()), Map.entry("flags", 0),
                Map.entry("attachments", attachments));
    }

    /**
     * {@code userId} chose the message command {@code name} on {@code message} ({@link #message}): Discord sends
     * {@code data.type} 3, the message's id as {@code target_id} and the message itself, content and attachments
     * whatever the bot's intents, in {@code data.resolved.messages}.
     */
    public void messageCommand(String interactionToken, String guildId, String userId, String name, Map<String, Object> message) {
        String id = (String) message.get("id");
        interaction(interactionToken, guildId, userId, APPLICATION_COMMAND, Map.of("id", "610000000000000098", "name", name,
                "type", 3, "target_id", id, "resolved", Map.of("messages", Map.of(id, message))));
    }

    /** The modals AIL showed, in order: each the {@code data} of an accepted response of type 9. */
    public List<JsonNode> modals() {
        return List.copyOf(modals);
    }

    /**
     * {@code userId} sends {@code modal} (one of {@link #modals}) as a person does: each input keeps what it was
     * prefilled with unless {@code typed} holds its custom_id. Discord's client sends no form whose required input is
     * empty or whose text is longer than an input's max_length, so neither can be asked for here; nor an input the
     * modal does not have.
     */
    public void submitModal(String interactionToken, String guildId, String userId, JsonNode modal, Map<String, String> typed) {
        List<Map<String, Object>> components = new java.util.ArrayList<>();
        java.util.Set<String> unused = new java.util.HashSet<>(typed.keySet());
        int componentId = 1;
        for (JsonNode component : modal.path("components")) {
            JsonNode input = component.path("component");
            if (component.path("type").asInt() != 18 || input.path("type").asInt() != 4) {
                components.add(Map.of("type", component.path("type").asInt(), "id", componentId++));
                continue;
            }
            String key = input.path("custom_id").asText();
            unused.remove(key);
            String value = typed.getOrDefault(key, input.path("value").asText(""));
            if (input.path("required").asBoolean(true) && value.isEmpty() || value.length() > input.path("max_length").asInt(4000)) {
                throw new IllegalArgumentException("Discord's client would not send " + key + " as " + value.length() + " characters");
            }
            components.add(Map.of("type", 18, "id", componentId++, "component",
                    Map.of("type", 4, "id", componentId++, "custom_id", key, "value", value)));
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("the modal has no input " + unused);
        }
        interaction(interactionToken, guildId, userId, MODAL_SUBMIT,
                Map.of("custom_id", modal.path("custom_id").asText(), "components", components));
    }

    private void interaction(String interactionToken, String guildId, String userId, int type, Map<String, Object> data) {
        String channel = guildChannels.get(guildId);
        // a snowflake of now: JDA refuses to answer an interaction whose id dates it more than 15 minutes ago
        String interactionId = Long.toString((System.currentTimeMillis() - 1420070400000L) << 22 | interactionCount.incrementAndGet() & 0xFFF);
        interactionsSent.put(interactionId, System.currentTimeMillis());
        interactionTokens.put(interactionId, interactionToken);
        interactionTypes.put(interactionId, type);
        lastInteraction = interactionId;
        dispatch("INTERACTION_CREATE", Map.ofEntries(Map.entry("id", interactionId), Map.entry("application_id", APP_ID),
                Map.entry("type", type), Map.entry("token", interactionToken), Map.entry("version", 1),
                Map.entry("guild_id", guildId), Map.entry("guild", Map.of("id", guildId, "locale", "en-US", "features", List.of())),
                Map.entry("channel_id", channel), Map.entry("channel", Map.of("id", channel, "type", 0, "guild_id", guildId,
                        "name", "general", "position", 0, "permission_overwrites", List.of(), "nsfw", false, "flags", 0)),
                Map.entry("member", Map.of("user", user(userId, "ana", false), "roles", List.of(), "permissions", "3072",
                        "joined_at", "2026-01-01T00:00:00.000000+00:00", "deaf", false, "mute", false, "flags", 0)),
                Map.entry("locale", "en-US"), Map.entry("guild_locale", "en-US"), Map.entry("app_permissions", "3072"),
                Map.entry("entitlements", List.of()), Map.entry("context", 0),
                Map.entry("authorizing_integration_owners", Map.of("0", guildId)),
                Map.entry("data", data)));
    }

    private void callback(Context ctx) {
        String id = ctx.pathParam("id");
        Long sent = interactionsSent.get(id);
        if (sent == null || System.currentTimeMillis() - sent > 3000) {
            ctx.status(404).json(Map.of("message", "Unknown interaction", "code", 10062));
            return;
        }
        if (!ctx.pathParam("token").equals(interactionTokens.get(id))) {
            ctx.status(401).json(Map.of("message", "Invalid Webhook Token", "code", 50027));
            return;
        }
        if (!acknowledgedInteractions.add(id)) {
            ctx.status(400).json(Map.of("message", "Interaction has already been acknowledged.", "code", 40060));
            return;
        }
        JsonNode body = ctx.formParamMap().containsKey("payload_json") ? parse(ctx.formParam("payload_json")) : parse(ctx.body());
        if (body != null && body.path("type").asInt() == MODAL) {
            String problem = interactionTypes.get(id) == MODAL_SUBMIT ? "type: a modal cannot answer a modal's submission"
                    : DiscordModalSchema.problem(body.path("data"));
            if (problem != null) {
                acknowledgedInteractions.remove(id);
                ctx.status(400).json(invalidFormBody("data", "MODAL_INVALID", problem));
                return;
            }
            modals.add(body.path("data"));
        }
        acknowledgedTokens.add(ctx.pathParam("token"));
        ctx.status(204);
    }

    private void webhookMessage(Context ctx) throws Exception {
        if (!APP_ID.equals(ctx.pathParam("app")) || !acknowledgedTokens.contains(ctx.pathParam("token"))) {
            ctx.status(404).json(Map.of("message", "Unknown Webhook", "code", 10015));
            return;
        }
        JsonNode body = Json.MAPPER.readTree(ctx.formParamMap().containsKey("payload_json")
                ? ctx.formParam("payload_json") : ctx.body());
        ObjectNode message = Json.MAPPER.createObjectNode().put("id", Long.toString(ids.incrementAndGet()))
                .put("channel_id", guildChannels.values().iterator().next()).put("content", body.path("content").asText(""))
                .put("type", 20).put("timestamp", Instant.now().toString()).put("tts", false)
                .put("mention_everyone", false).put("pinned", false).put("flags", 64).put("webhook_id", APP_ID);
        message.set("author", Json.MAPPER.valueToTree(user(BOT_ID, "AIL", true)));
        message.set("embeds", embeds(body));
        message.set("components", body.has("components") ? body.get("components") : Json.MAPPER.createArrayNode());
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.putArray("attachments");
        ctx.json(message);
    }

    private void gateway(WsContext ctx, JsonNode frame) throws Exception {
        switch (frame.path("op").asInt()) {
            case 1 -> ctx.send(Json.MAPPER.writeValueAsString(Map.of("op", 11)));
            case 2 -> identify(ctx, frame.path("d"));
            default -> { }
        }
    }

    private void identify(WsContext ctx, JsonNode identify) {
        if (!token.equals(identify.path("token").asText())) {
            ctx.closeSession(4004, "Authentication failed.");
            return;
        }
        identifies.add(identify);
        JsonNode shard = identify.path("shard");
        send(ctx, "READY", Map.of("v", 10, "user", user(BOT_ID, "AIL", true), "session_id", "session-1",
                "resume_gateway_url", gatewayUrl(), "shard", shard.isMissingNode() ? List.of(0, 1) : shard,
                "application", Map.of("id", APP_ID, "flags", 0),
                "guilds", guildChannels.keySet().stream().map(g -> Map.of("id", g, "unavailable", true)).toList(),
                "private_channels", List.of(), "relationships", List.of(), "presences", List.of()));
        guildChannels.forEach((guild, channel) -> send(ctx, "GUILD_CREATE", guild(guild, channel)));
    }

    private void send(WsContext ctx, String type, Object data) {
        try {
            ctx.send(Json.MAPPER.writeValueAsString(Map.of("op", 0, "t", type, "s", sequence.incrementAndGet(), "d", data)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> guild(String id, String channel) {
        return Map.ofEntries(Map.entry("id", id), Map.entry("name", "Test server"), Map.entry("owner_id", "100000000000000009"),
                Map.entry("member_count", 2), Map.entry("features", List.of()), Map.entry("emojis", List.of()),
                Map.entry("stickers", List.of()), Map.entry("threads", List.of()), Map.entry("voice_states", List.of()),
                Map.entry("guild_scheduled_events", List.of()), Map.entry("presences", List.of()),
                Map.entry("roles", List.of(Map.of("id", id, "name", "@everyone", "color", 0, "colors", roleColors(), "position", 0,
                        "permissions", "3072", "managed", false, "hoist", false, "mentionable", false, "flags", 0))),
                Map.entry("channels", List.of(Map.of("id", channel, "type", 0, "name", "general", "position", 0,
                        "permission_overwrites", List.of(), "nsfw", false, "rate_limit_per_user", 0, "flags", 0))),
                Map.entry("members", List.of(Map.of("user", user(BOT_ID, "AIL", true), "roles", List.of(),
                        "joined_at", "2026-01-01T00:00:00.000000+00:00", "deaf", false, "mute", false, "flags", 0))),
                Map.entry("joined_at", "2026-01-01T00:00:00.000000+00:00"), Map.entry("large", false),
                Map.entry("unavailable", false), Map.entry("preferred_locale", "en-US"), Map.entry("afk_timeout", 300));
    }

    /** The embeds of a message as Discord returns them: each with its type, "rich" for those a bot sends. */
    private static ArrayNode embeds(JsonNode body) {
        ArrayNode embeds = Json.MAPPER.createArrayNode();
        body.path("embeds").forEach(e -> embeds.add(e.has("type") ? e : ((ObjectNode) e.deepCopy()).put("type", "rich")));
        return embeds;
    }

    /** The field of a message body over Discord's length limits ("content", "embeds"), or null. */
    private static String tooLong(JsonNode message) {
        if (message.path("content").asText("").length() > 2000) {
            return "content";
        }
        for (JsonNode embed : message.path("embeds")) {
            if (embed.path("description").asText("").length() > 4096) {
                return "embeds";
            }
        }
        return null;
    }

    private static Map<String, Object> invalidFormBody(String field, String code, String message) {
        return Map.of("message", "Invalid Form Body", "code", 50035,
                "errors", Map.of(field, Map.of("_errors", List.of(Map.of("code", code, "message", message)))));
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static Map<String, Object> user(String id, String name, boolean bot) {
        return Map.of("id", id, "username", name, "discriminator", "0", "bot", bot, "flags", 0);
    }

    @Override
    public void close() {
        app.stop();
    }

    /** A role's colors object as Discord sends it today (JDA 6.4 requires it): only a primary colour. */
    private static Map<String, Object> roleColors() {
        Map<String, Object> colors = new java.util.LinkedHashMap<>();
        colors.put("primary_color", 0);
        colors.put("secondary_color", null);
        colors.put("tertiary_color", null);
        return colors;
    }
}
