package com.ailsocialautomation.calendar;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.UserError;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.platform.ApiClient;
import com.ailsocialautomation.platform.ApiRequest;
import com.ailsocialautomation.platform.ApiResponse;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sign in with Slack (OpenID Connect): {@code /openid/connect/authorize} with the scopes {@code openid profile}, a
 * state and a nonce, then {@code openid.connect.token}, whose id_token names the person and their team. The id_token
 * comes straight from Slack's token endpoint over TLS, never through the browser, so TLS vouches for its origin in place
 * of its signature (as OpenID Connect allows for a token received that way); its issuer, audience, nonce and expiry are
 * checked here.
 */
final class SlackSignIn implements SignIn {
    static final String ISSUER = "https://slack.com";
    static final String SCOPES = String.join(" ", WebCalendar.SLACK_USER_SCOPES);
    static final String TEAM_CLAIM = "https://slack.com/team_id";
    static final String USER_CLAIM = "https://slack.com/user_id";

    private final String base;
    private final String clientId;
    private final Secret clientSecret;
    private final ApiClient http;
    private final Clock clock;

    /** @param base Slack's web host ({@link #ISSUER}), or a stand-in's */
    SlackSignIn(String base, String clientId, Secret clientSecret, ApiClient http, Clock clock) {
        this.base = base;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public FrontEnd frontEnd() {
        return FrontEnd.SLACK;
    }

    @Override
    public String authorizeUrl(SignInFlow flow, String redirectUri) {
        return base + "/openid/connect/authorize?response_type=code&scope=" + enc(SCOPES) + "&client_id=" + enc(clientId)
                + "&state=" + enc(flow.state()) + "&nonce=" + enc(flow.nonce()) + "&redirect_uri=" + enc(redirectUri);
    }

    @Override
    public Identity identity(String code, SignInFlow flow, String redirectUri) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret.reveal());
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("grant_type", "authorization_code");
        ApiResponse answer = http.send(ApiRequest.post(base + "/api/openid.connect.token").form(form));
        JsonNode json = answer.json("Slack");
        if (!json.path("ok").asBoolean() || !json.hasNonNull("id_token")) {
            throw new UserError("Slack did not confirm the sign-in (" + ApiResponse.shorten(json.path("error").asText("no id_token"))
                    + "). Start again from the calendar's sign-in page.");
        }
        JsonNode claims = claims(json.path("id_token").asText());
        boolean holds = ISSUER.equals(claims.path("iss").asText()) && clientId.equals(audience(claims))
                && flow.nonce().equals(claims.path("nonce").asText())
                && claims.path("exp").asLong() > clock.instant().getEpochSecond();
        String team = claims.path(TEAM_CLAIM).asText("");
        String user = claims.path(USER_CLAIM).asText(claims.path("sub").asText(""));
        if (!holds || team.isBlank() || user.isBlank()) {
            throw new UserError("Slack's answer did not match this sign-in, so it was not used. Start again from the calendar's sign-in page.");
        }
        String name = claims.path("name").asText(user);
        return new Identity(FrontEnd.SLACK, user, name, List.of(new Identity.Place(team, false)));
    }

    private static String audience(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        return aud.isArray() && aud.size() == 1 ? aud.get(0).asText() : aud.asText();
    }

    private static JsonNode claims(String idToken) {
        String[] parts = idToken.split("\\.");
        try {
            if (parts.length != 3) {
                throw new IOException("not a JWT");
            }
            return Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError("Slack sent an id_token AIL could not read. Start again from the calendar's sign-in page.");
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
