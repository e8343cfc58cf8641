package com.ailsocialautomation.fakes;

import com.ailsocialautomation.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FakeTikTok refuses what TikTok's docs say TikTok refuses, so a test against it cannot pass on a wrong request. */
class FakeTikTokStrictnessTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final long MB = 1024L * 1024;

    private FakeTikTok tiktok;
    private String token;

    @BeforeEach
    void start() {
        tiktok = FakeTikTok.start();
        token = tiktok.issue("user.info.basic,video.publish").accessToken();
    }

    @AfterEach
    void stop() {
        tiktok.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Object json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(tiktok.url() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(json))));
    }

    private static String code(HttpResponse<String> response) throws Exception {
        return Json.MAPPER.readTree(response.body()).path("error").path("code").asText();
    }

    private Map<String, Object> init(long size, long chunk, long count, String privacy) {
        return Map.of("post_info", Map.of("title", "t", "privacy_level", privacy),
                "source_info", Map.of("source", "FILE_UPLOAD", "video_size", size, "chunk_size", chunk, "total_chunk_count", count));
    }

    @Test
    void theAuthorizePageWantsTheClientKeyAndAHexChallenge() throws Exception {
        String base = tiktok.url() + "/v2/auth/authorize/?response_type=code&scope=user.info.basic&state=s&redirect_uri="
                + java.net.URLEncoder.encode(FakeTikTok.REDIRECT_URI, "UTF-8") + "&code_challenge_method=S256";
        String hex = FakeTikTok.challenge("verifier");
        assertEquals(400, send(HttpRequest.newBuilder(URI.create(base + "&client_id=" + FakeTikTok.CLIENT_KEY + "&code_challenge=" + hex))).statusCode());
        assertEquals(400, send(HttpRequest.newBuilder(URI.create(base + "&client_key=" + FakeTikTok.CLIENT_KEY
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"))).statusCode(), "base64url is not TikTok's challenge");
        assertEquals(302, send(HttpRequest.newBuilder(URI.create(base + "&client_key=" + FakeTikTok.CLIENT_KEY + "&code_challenge=" + hex))).statusCode());
    }

    @Test
    void initRefusesChunkPlansOutsideTikToksRules() throws Exception {
        assertEquals("invalid_params", code(post("/v2/post/publish/video/init/", init(12 * MB, 3 * MB, 4, "PUBLIC_TO_EVERYONE"))));
        assertEquals("invalid_params", code(post("/v2/post/publish/video/init/", init(12 * MB, 5 * MB, 3, "PUBLIC_TO_EVERYONE"))));
        assertEquals("invalid_params", code(post("/v2/post/publish/video/init/", init(100 * MB, 100 * MB, 1, "PUBLIC_TO_EVERYONE"))));
        assertEquals("privacy_level_option_mismatch", code(post("/v2/post/publish/video/init/", init(1000, 1000, 1, "FOLLOWER_OF_CREATOR"))));
        assertEquals("ok", code(post("/v2/post/publish/video/init/", init(1000, 1000, 1, "PUBLIC_TO_EVERYONE"))));
    }

    @Test
    void chunksMustComeInOrderWithTheirExactRange() throws Exception {
        HttpResponse<String> started = post("/v2/post/publish/video/init/", init(12 * MB, 5 * MB, 2, "SELF_ONLY"));
        String uploadUrl = Json.MAPPER.readTree(started.body()).path("data").path("upload_url").asText();
        HttpResponse<String> second = send(HttpRequest.newBuilder(URI.create(uploadUrl)).header("Content-Type", "video/mp4")
                .header("Content-Range", "bytes " + 5 * MB + "-" + (12 * MB - 1) + "/" + 12 * MB)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[(int) (7 * MB)])));
        assertEquals(416, second.statusCode(), "the second chunk before the first");
        HttpResponse<String> first = send(HttpRequest.newBuilder(URI.create(uploadUrl)).header("Content-Type", "video/mp4")
                .header("Content-Range", "bytes 0-" + (5 * MB - 1) + "/" + 12 * MB)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[(int) (5 * MB)])));
        assertEquals(206, first.statusCode());
        assertTrue(tiktok.posts().isEmpty(), "nothing is posted before the last chunk");
    }

    @Test
    void aWrongTokenIsAccessTokenInvalidAndTheTokenFormWantsTheAppsSecret() throws Exception {
        token = "act.not-issued";
        HttpResponse<String> info = post("/v2/post/publish/creator_info/query/", Map.of());
        assertEquals(401, info.statusCode());
        assertEquals("access_token_invalid", code(info));
        HttpResponse<String> tokens = send(HttpRequest.newBuilder(URI.create(tiktok.url() + "/v2/oauth/token/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("client_key=" + FakeTikTok.CLIENT_KEY + "&client_secret=wrong&grant_type=refresh_token&refresh_token=x")));
        assertEquals("invalid_client", Json.MAPPER.readTree(tokens.body()).path("error").asText());
    }
}
