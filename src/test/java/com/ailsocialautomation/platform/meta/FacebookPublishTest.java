package com.ailsocialautomation.platform.meta;

import com.ailsocialautomation.fakes.FakeGraph;
import com.ailsocialautomation.media.TestMedia;
import com.ailsocialautomation.testing.RealFlows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Posts to a Facebook Page through the running service against FakeGraph, each with the Page's own token: text with
 * a link, one photo, several photos in one post, a video through the resumable upload; and what Meta's refusals do.
 */
class FacebookPublishTest {
    private static final byte[] PHOTO = TestMedia.jpeg(800, 600);
    private static final byte[] CLIP = TestMedia.mp4(5, 640, 360);

    @TempDir
    Path tmp;
    RealFlows flows;
    MediaServer files;
    String page;

    @BeforeEach
    void start() throws Exception {
        flows = new RealFlows(tmp);
        flows.installSlack();
        files = new MediaServer(Map.of("/a.jpg", Map.entry("image/jpeg", PHOTO), "/b.jpg", Map.entry("image/jpeg", PHOTO),
                "/clip.mp4", Map.entry("video/mp4", CLIP)));
        flows.choose("facebook", flows.startMeta("facebook"), Set.of(0));
        page = flows.one("select short_id from social_accounts");
    }

    @AfterEach
    void stop() throws Exception {
        files.close();
        flows.close();
    }

    @Test
    void textWithALinkGoesToThePageFeedWithTheLinkForItsPreviewAndTheReplyLinksThePost() throws Exception {
        String text = "Fresh bread at 7 https://quintero.example/menu";
        flows.run("post to:" + page + " " + text);
        flows.awaitState(text, "published");
        FakeGraph.Post post = flows.graph.posts().get(0);
        assertEquals("501", post.pageId());
        assertEquals(text, post.fields().get("message"));
        assertEquals("https://quintero.example/menu", post.fields().get("link"));
        assertEquals("https://www.facebook.com/" + post.id(), flows.one("select url from post_targets"));
    }

    @Test
    void onePhotoAndSeveralPhotosAreUploadedUnpublishedThenAttachedToOnePost() throws Exception {
        flows.run("post to:" + page + " media:" + files.url("/a.jpg") + " One loaf");
        flows.awaitState("One loaf", "published");
        flows.run("post to:" + page + " media:" + files.url("/a.jpg") + " media:" + files.url("/b.jpg") + " Two loaves");
        flows.awaitState("Two loaves", "published");
        List<FakeGraph.Post> posts = flows.graph.posts();
        assertEquals(2, posts.size(), "each post is one feed post, its photos attached");
        assertEquals(1, posts.get(0).photos().size());
        assertEquals(2, posts.get(1).photos().size());
        assertEquals("Two loaves", posts.get(1).fields().get("message"));
    }

    @Test
    void aVideoGoesThroughTheResumableUploadUnderTheAppAndIsPublishedOnThePage() throws Exception {
        flows.run("post to:" + page + " media:" + files.url("/clip.mp4") + " The oven at work");
        flows.awaitState("The oven at work", "published");
        FakeGraph.Post video = flows.graph.posts().get(0);
        assertEquals("The oven at work", video.fields().get("description"));
        assertTrue(video.video() != null);
        assertEquals("https://www.facebook.com/501/videos/" + video.id(), flows.one("select url from post_targets"));
    }

    @Test
    void aRefusedPageTokenIsRenewedFromTheLoginAndWhenTheLoginEndsTooTheOwnerIsAskedToReconnectOnce() throws Exception {
        flows.decrypted();
        String pageToken = flows.decrypted().get("social_accounts.access_token_enc").get(0);
        String user = flows.decrypted().get("social_accounts.refresh_token_enc").get(0);
        flows.graph.expire(pageToken);
        flows.run("post to:" + page + " After a password change");
        flows.awaitState("After a password change", "published");
        assertTrue(!flows.decrypted().get("social_accounts.access_token_enc").get(0).equals(pageToken), "a new Page token is kept");

        flows.graph.expire(flows.decrypted().get("social_accounts.access_token_enc").get(0));
        flows.graph.expire(user);
        flows.run("post to:" + page + " After the login ended");
        flows.awaitState("After the login ended", "failed");
        assertEquals("needs_reconnect", flows.one("select status from social_accounts"));
        String again = flows.run("post to:" + page + " Once more").text();
        assertTrue(again.contains("/ail connect facebook"), again);
        assertTrue(eventually(Duration.ofSeconds(10), () -> flows.notices().stream()
                .filter(n -> n.contains("/ail connect facebook") && n.contains("no longer accepts")).count() >= 1));
        assertEquals(1, flows.count("select count(*) from notifications where event_key like 'reconnect:%'"), "told once");
    }

    @Test
    void aPageRateLimitWaitsAsTheBusinessUseCaseHeaderSays() throws Exception {
        flows.graph.rateLimitNext("/501/feed", 17);
        Instant before = Instant.now();
        flows.run("post to:" + page + " During the lunch rush");
        assertTrue(eventually(Duration.ofSeconds(30), () -> flows.count("select count(*) from post_targets where state = 'scheduled' "
                + "and due_at > now() + interval '16 minutes'") == 1));
        Instant due = Instant.parse(flows.one("select to_char(due_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from post_targets"));
        assertTrue(Duration.between(before.plus(Duration.ofMinutes(17)), due).abs().toSeconds() < 60, due.toString());
        assertEquals(0, flows.graph.posts().size());
    }

    @Test
    void aPublishWhoseAnswerIsLostIsUnknownAndNotSentAgain() throws Exception {
        flows.graph.actThenStaySilent(FakeGraph.V + "/501/feed", Duration.ofSeconds(8));
        flows.run("post to:" + page + " Did it go out?");
        flows.awaitState("Did it go out?", "unknown");
        Thread.sleep(1000);
        assertEquals(1, flows.graph.posts().size(), "the post went out once, and AIL did not repeat it");
    }
}
