package com.ailsocialautomation.calendar;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.platform.ApiClient;
import com.ailsocialautomation.platform.ApiRequest;
import com.ailsocialautomation.platform.ApiResponse;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Discord's OAuth2 for signing in: {@code /oauth2/authorize} with the scopes {@code identify guilds}, a state and a
 * PKCE challenge, then {@code /oauth2/token}, {@code /users/@me} and {@code /users/@me/guilds}, whose permissions say
 * where the person may manage the server (AIL's admin rights, as in Discord commands).
 */
final class DiscordSignIn implements SignIn {
    static final String SCOPES = "identify guilds";
    /** ADMINISTRATOR and MANAGE_GUILD: what makes someone an admin for AIL in a Discord server. */
    private static final long ADMIN_BITS = (1L << 3) | (1L << 5);

    private final String site;
    private final String api;
    private final String clientId;
    private final Secret clientSecret;
    private final ApiClient http;

    /** @param site Discord's web host; @param api its REST base (the site's /api/v10) */
    DiscordSignIn(String site, String api, String clientId, Secret clientSecret, ApiClient http) {
        this.site = site;
        this.api = api;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.http = http;
    }

    @Override
    public FrontEnd frontEnd() {
        return FrontEnd.DISCORD;
    }

    @Override
    public String authorizeUrl(SignInFlow flow, String redirectUri) {
        return site + "/oauth2/authorize?response_type=code&client_id=" + enc(clientId) + "&scope=" + enc(SCOPES)
                + "&state=" + enc(flow.state()) + "&redirect_uri=" + enc(redirectUri) + "&prompt=none"
                + "&code_challenge=" + enc(flow.challenge()) + "&code_challenge_method=S256";
    }

    @Override
    public Identity identity(String code, SignInFlow flow, String redirectUri) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret.reveal());
        form.put("code_verifier", flow.verifier());
        JsonNode token = checked(http.send(ApiRequest.post(api + "/oauth2/token").form(form)), "token");
        Secret access = Secret.of(token.path("access_token").asText());
        JsonNode me = checked(http.send(ApiRequest.get(api + "/users/@me").bearer(access)), "user");
        JsonNode guilds = checked(http.send(ApiRequest.get(api + "/users/@me/guilds").bearer(access)), "servers");
        List<Identity.Place> places = new ArrayList<>();
        for (JsonNode guild : guilds) {
            long permissions = parse(guild.path("permissions").asText("0"));
            places.add(new Identity.Place(guild.path("id").asText(), guild.path("owner").asBoolean() || (permissions & ADMIN_BITS) != 0));
        }
        String name = me.path("global_name").asText(me.path("username").asText(me.path("id").asText()));
        if (me.path("id").asText("").isBlank()) {
            throw new UserError("Discord did not say who signed in. Start again from the calendar's sign-in page.");
        }
        return new Identity(FrontEnd.DISCORD, me.path("id").asText(), name, places);
    }

    private static JsonNode checked(ApiResponse answer, String what) {
        if (!answer.ok()) {
            throw new UserError("Discord refused the sign-in (" + what + ": HTTP " + answer.status() + "). Start again from the "
                    + "calendar's sign-in page.");
        }
        return answer.json("Discord");
    }

    private static long parse(String permissions) {
        try {
            return Long.parseLong(permissions);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
