package com.ailsocialautomation.platform.tiktok;

import com.ailsocialautomation.fakes.FakeTikTok;
import com.ailsocialautomation.media.Videos;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.testing.Eventually;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.RealFlows;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TikTok through the service as people use it (RealFlows: real PostgreSQL, real HTTP, Slack's commands, the OAuth
 * pages) against the strict FakeTikTok: connect, a post refused without a privacy choice, a post that goes out with
 * what creator_info allows and is published after TikTok processed it, a private post without a link, the
 * unaudited app's limit, a lost answer to the last chunk, and disconnect revoking the grant.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TikTokFlowTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    @TempDir
    static Path tmp;
    static RealFlows flows;
    static HttpServer files;
    static String clip;
    static String account;

    @BeforeAll
    static void start() throws Exception {
        flows = new RealFlows(tmp);
        flows.installSlack();
        String name = "clip-" + UUID.randomUUID() + ".mp4";
        files = RealFlows.serve(name, Videos.mp4(8, 720, 1280));
        clip = "http://127.0.0.1:" + files.getAddress().getPort() + "/" + name;
        flows.tiktok.creator(List.of("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY"), true, 60);
    }

    @AfterAll
    static void stop() throws Exception {
        files.stop(0);
        flows.close();
    }

    private static String stateOf(String text) {
        return flows.one("select t.state from post_targets t join posts p on p.id = t.post_id where p.text = ?", text);
    }

    @Test
    @Order(10)
    void connectingAsksForTwoScopesWithPkceAndKeepsTheCreatorsHandle() throws Exception {
        List<String> tokens = flows.connectTikTok();
        account = flows.one("select short_id from social_accounts where platform = 'tiktok'");
        assertEquals(2, tokens.size());
        assertEquals(FakeTikTok.USERNAME, flows.one("select handle from social_accounts where platform = 'tiktok'"));
        String scope = flows.tiktok.received("GET", "/v2/auth/authorize/").get(0).query();
        assertTrue(scope.contains("scope=user.info.basic%2Cvideo.publish"), scope);
    }

    @Test
    @Order(20)
    void aPostWithoutAPrivacyChoiceIsRefusedWithWhatTheCreatorMayUse() {
        Reply reply = flows.run("post to:" + account + " media:" + clip + " No privacy chosen");
        assertTrue(reply.text().contains("add privacy: with public, friends or private"), reply.text());
        assertEquals(0, flows.count("select count(*) from posts"));
        assertEquals(0, flows.tiktok.uploadsStarted());
    }

    @Test
    @Order(25)
    void aTikTokThatDoesNotAnswerIsAClearRefusalWithinTheCommandsPatience() {
        flows.tiktok.slow(Duration.ofSeconds(12));
        long started = System.nanoTime();
        Reply reply;
        try {
            reply = flows.run("post to:" + account + " privacy:public media:" + clip + " Nobody answers");
        } finally {
            flows.tiktok.slow(Duration.ZERO);
        }
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(11)) < 0);
        // RealFlows' API timeout (5 s) ends the call before the command's patience (10 s) would
        assertTrue(reply.text().contains("AIL could not ask TikTok what the account may post now (")
                && reply.text().endsWith("try again in a moment."), reply.text());
        assertEquals(0, flows.count("select count(*) from posts"));
    }

    @Test
    @Order(30)
    void aPrivacyTheCreatorMayNotUseNowIsRefusedTooAndSoIsAVideoLongerThanAllowed() {
        Reply followers = flows.run("post to:" + account + " privacy:followers media:" + clip + " Followers only");
        assertTrue(followers.text().contains("does not let @ail.team post with privacy:followers now; choose public, friends or private"),
                followers.text());
        flows.tiktok.creator(List.of("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY"), true, 5);
        try {
            Reply tooLong = flows.run("post to:" + account + " privacy:public media:" + clip + " Too long today");
            assertTrue(tooLong.text().contains("8 s long and TikTok lets @ail.team post videos of at most 5 s"), tooLong.text());
        } finally {
            flows.tiktok.creator(List.of("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY"), true, 60);
        }
        assertEquals(0, flows.count("select count(*) from posts"));
    }

    @Test
    @Order(40)
    void aPublicPostShowsTikToksWordingGoesOutWithWhatIsAllowedAndLinksTheVideoOncePublished() throws Exception {
        int asked = flows.tiktok.received("POST", "/v2/post/publish/creator_info/query/").size();
        Reply reply = flows.run("post to:" + account + " privacy:public allow:duet disclose:your-brand media:" + clip + " Launch day #ail");
        assertTrue(reply.text().startsWith("Post "), reply.text());
        String shown = reply.toPlainText();
        assertTrue(shown.contains("Your video will be labeled as \"Promotional content\""), shown);
        assertTrue(shown.contains("By posting, you agree to TikTok's Music Usage Confirmation."), shown);
        assertTrue(shown.contains("comments, stitches off"), shown);

        flows.awaitState("Launch day #ail", "published");
        FakeTikTok.Post post = flows.tiktok.posts().get(0);
        assertEquals("Launch day #ail", post.title());
        assertEquals("PUBLIC_TO_EVERYONE", post.privacy());
        assertTrue(post.disableComment(), "comments are off in the creator's settings");
        assertFalse(post.disableDuet(), "allow:duet");
        assertTrue(post.disableStitch(), "not allowed");
        assertTrue(post.brandOrganic());
        assertFalse(post.brandContent());
        assertTrue(flows.tiktok.received("POST", "/v2/post/publish/status/fetch/").size() >= 2, "polled until published");
        assertEquals(asked + 2, flows.tiktok.received("POST", "/v2/post/publish/creator_info/query/").size(),
                "asked at the command and again before the upload");
        assertEquals("https://www.tiktok.com/@ail.team/video/7400000000000000001",
                flows.one("select url from post_targets t join posts p on p.id = t.post_id where p.text = ?", "Launch day #ail"));
    }

    @Test
    @Order(45)
    void anEditIsAskedAboutAgain() {
        Reply scheduled = flows.run("schedule in:2h to:" + account + " privacy:public media:" + clip + " Later on");
        assertTrue(scheduled.text().startsWith("Post "), scheduled.text());
        String id = flows.shortIdOf("Later on");
        Reply edit = flows.run("edit " + id + " privacy:followers");
        assertTrue(edit.text().contains("does not let @ail.team post with privacy:followers now"), edit.text());
        assertTrue(flows.run("edit " + id + " privacy:friends").toPlainText().contains("Visible to mutual followers"));
        flows.run("cancel " + id);
    }

    @Test
    @Order(50)
    void aPrivatePostIsPublishedWithoutALinkAndTheNoticeSaysWhy() throws Exception {
        flows.run("notify on"); // a published notice is a direct message only for those who asked
        flows.run("post to:" + account + " privacy:private media:" + clip + " Just for me");
        flows.awaitState("Just for me", "published");
        assertNull(flows.one("select url from post_targets t join posts p on p.id = t.post_id where p.text = ?", "Just for me"));
        assertTrue(Eventually.eventually(Duration.ofSeconds(10), () -> flows.notices().stream()
                .anyMatch(n -> n.contains("visible only to the creator, so it gives no link"))), String.valueOf(flows.notices()));
    }

    @Test
    @Order(55)
    void aTokenTikTokNoLongerTakesIsRefreshedAtTheCommandAndTheRotatedPairIsKept() throws Exception {
        String access = flows.decrypted().get("social_accounts.access_token_enc").get(0);
        String refresh = flows.decrypted().get("social_accounts.refresh_token_enc").get(0);
        flows.tiktok.expire(access);
        Reply reply = flows.run("post to:" + account + " privacy:public media:" + clip + " After a refresh");
        assertTrue(reply.text().startsWith("Post "), reply.text());
        flows.awaitState("After a refresh", "published");
        assertFalse(flows.tiktok.refreshTokenValid(refresh), "TikTok rotated it");
        String kept = flows.decrypted().get("social_accounts.refresh_token_enc").get(0);
        assertTrue(flows.tiktok.refreshTokenValid(kept), "AIL keeps the new one");
    }

    @Test
    @Order(60)
    void anUnauditedAppsLimitIsExplainedToTheAuthor() throws Exception {
        flows.tiktok.audited(false);
        try {
            flows.run("post to:" + account + " privacy:friends media:" + clip + " Friends only");
            flows.awaitState("Friends only", "failed");
        } finally {
            flows.tiktok.audited(true);
        }
        assertTrue(Eventually.eventually(Duration.ofSeconds(10), () -> flows.notices().stream()
                .anyMatch(n -> n.contains("TikTok has not audited this server's TikTok app yet"))), String.valueOf(flows.notices()));
    }

    @Test
    @Order(70)
    void aLostAnswerToTheLastChunkIsUnknownAndNothingIsUploadedAgain() throws Exception {
        int before = flows.tiktok.posts().size();
        int started = flows.tiktok.uploadsStarted();
        flows.tiktok.actThenStaySilent("/upload/", Duration.ofSeconds(9)); // past AIL_HTTP_TIMEOUT_SECONDS=5
        flows.run("post to:" + account + " privacy:public media:" + clip + " Answer lost");
        flows.awaitState("Answer lost", "unknown");
        Thread.sleep(1000);
        assertEquals(before + 1, flows.tiktok.posts().size(), "TikTok has it once, and AIL asks the author to check");
        assertEquals(started + 1, flows.tiktok.uploadsStarted(), "no second upload");
    }

    @Test
    @Order(80)
    void disconnectingRevokesTikToksGrant() throws Exception {
        String access = flows.decrypted().get("social_accounts.access_token_enc").get(0);
        String account = flows.one("select short_id from social_accounts where platform = 'tiktok'");
        String reply = flows.run("disconnect " + account).text();
        assertTrue(Eventually.eventually(Duration.ofSeconds(10), () -> !flows.tiktok.accessTokenValid(access)), reply);
        assertFalse(flows.tiktok.received("POST", "/v2/oauth/revoke/").isEmpty());
    }
}
