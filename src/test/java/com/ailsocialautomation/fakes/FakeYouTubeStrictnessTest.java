package com.ailsocialautomation.fakes;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FakeYouTube refuses what Google refuses, so a client that passes against it is not passing by the fake's leniency:
 * a code used twice or without its verifier, a redirect URI that differs, chunks out of order, misaligned or with a
 * Content-Range that does not match the body, a session nobody opened, and a token it did not issue.
 */
class FakeYouTubeStrictnessTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final int Q = FakeYouTube.QUANTUM;
    private FakeYouTube youtube;
    private String access;

    @BeforeEach
    void start() {
        youtube = FakeYouTube.start();
        access = youtube.issue().get(0);
    }

    @AfterEach
    void stop() {
        youtube.close();
    }

    @Test
    void aCodeWorksOnceOnlyWithItsVerifierAndItsRedirectUri() throws Exception {
        String verifier = "v".repeat(50);
        LoopbackApi.Callback back = youtube.approve(URI.create(youtube.url() + "/o/oauth2/v2/auth?client_id="
                + enc(FakeYouTube.CLIENT_ID) + "&redirect_uri=" + enc(FakeYouTube.REDIRECT_URI) + "&response_type=code&scope="
                + enc(FakeYouTube.UPLOAD) + "&state=s&access_type=offline&code_challenge=" + FakeX.s256(verifier)
                + "&code_challenge_method=S256"));
        assertEquals(400, token(back.code(), FakeYouTube.REDIRECT_URI, null).statusCode(), "no verifier");
        back = youtube.approve(URI.create(youtube.url() + "/o/oauth2/v2/auth?client_id=" + enc(FakeYouTube.CLIENT_ID)
                + "&redirect_uri=" + enc(FakeYouTube.REDIRECT_URI) + "&response_type=code&scope=" + enc(FakeYouTube.UPLOAD)
                + "&state=s&prompt=consent&access_type=offline&code_challenge=" + FakeX.s256(verifier) + "&code_challenge_method=S256"));
        assertEquals(400, token(back.code(), "https://elsewhere.example/callback", verifier).statusCode(), "another redirect URI");
        back = youtube.approve(URI.create(youtube.url() + "/o/oauth2/v2/auth?client_id=" + enc(FakeYouTube.CLIENT_ID)
                + "&redirect_uri=" + enc(FakeYouTube.REDIRECT_URI) + "&response_type=code&scope=" + enc(FakeYouTube.UPLOAD)
                + "&state=s&prompt=consent&access_type=offline&code_challenge=" + FakeX.s256(verifier) + "&code_challenge_method=S256"));
        HttpResponse<String> ok = token(back.code(), FakeYouTube.REDIRECT_URI, verifier);
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains("refresh_token"), ok.body());
        assertEquals(400, token(back.code(), FakeYouTube.REDIRECT_URI, verifier).statusCode(), "a code works once");
    }

    @Test
    void chunksMustComeInOrderAlignedAndAsTheirRangeSays() throws Exception {
        String session = open(3 * Q);
        assertEquals(400, put(session, "bytes 0-99999/" + 3 * Q, new byte[100_000]).statusCode(), "not a multiple of 256 KiB");
        assertEquals(400, put(session, "bytes 262144-524287/" + 3 * Q, new byte[Q]).statusCode(), "a gap before it");
        assertEquals(400, put(session, "bytes 0-262143/" + 3 * Q, new byte[Q - 1]).statusCode(), "the body is shorter");
        HttpResponse<String> first = put(session, "bytes 0-262143/" + 3 * Q, new byte[Q]);
        assertEquals(308, first.statusCode());
        assertEquals("bytes=0-262143", first.headers().firstValue("Range").orElseThrow());
        assertEquals(404, put(youtube.url() + "/upload/youtube/v3/videos?uploadType=resumable&upload_id=nobody",
                "bytes */" + 3 * Q, new byte[0]).statusCode());
        HttpResponse<String> stranger = HTTP.send(HttpRequest.newBuilder(URI.create(session)).header("Authorization", "Bearer ya29.not-issued")
                .header("Content-Range", "bytes */" + 3 * Q).PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, stranger.statusCode());
    }

    private String open(int length) throws Exception {
        HttpResponse<String> opened = HTTP.send(HttpRequest.newBuilder(URI.create(youtube.url()
                        + "/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status"))
                .header("Authorization", "Bearer " + access).header("Content-Type", "application/json; charset=UTF-8")
                .header("X-Upload-Content-Length", Integer.toString(length)).header("X-Upload-Content-Type", "video/mp4")
                .POST(HttpRequest.BodyPublishers.ofString("{\"snippet\":{\"title\":\"t\",\"description\":\"d\"},"
                        + "\"status\":{\"privacyStatus\":\"private\"}}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, opened.statusCode(), opened.body());
        return opened.headers().firstValue("Location").orElseThrow();
    }

    private HttpResponse<String> put(String session, String range, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(session)).header("Authorization", "Bearer " + access)
                .header("Content-Range", range).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> token(String code, String redirect, String verifier) throws Exception {
        String form = "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(redirect) + "&client_id="
                + enc(FakeYouTube.CLIENT_ID) + "&client_secret=" + enc(FakeYouTube.CLIENT_SECRET)
                + (verifier == null ? "" : "&code_verifier=" + verifier);
        return HTTP.send(HttpRequest.newBuilder(URI.create(youtube.url() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
