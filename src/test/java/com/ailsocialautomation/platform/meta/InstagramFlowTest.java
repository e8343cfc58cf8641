package com.ailsocialautomation.platform.meta;

import com.ailsocialautomation.media.TestMedia;
import com.ailsocialautomation.testing.RealFlows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Instagram through the running service (RealFlows) against FakeGraph: Ana connects the Instagram account linked to
 * her Page, and posts go out as containers that the fake fetches from AIL's public media links itself, polled as
 * scheduled work, then published; the links are gone afterwards.
 */
class InstagramFlowTest {
    private static final byte[] PHOTO = TestMedia.jpeg(1080, 1080);
    private static final byte[] WIDE = TestMedia.jpeg(1080, 608);
    private static final byte[] CLIP = TestMedia.mp4(6, 720, 1280);

    @TempDir
    Path tmp;
    RealFlows flows;
    MediaServer files;
    String account;

    @BeforeEach
    void start() throws Exception {
        flows = new RealFlows(tmp);
        flows.installSlack();
        files = new MediaServer(Map.of("/photo.jpg", Map.entry("image/jpeg", PHOTO), "/wide.jpg", Map.entry("image/jpeg", WIDE),
                "/clip.mp4", Map.entry("video/mp4", CLIP)));
        HttpResponse<String> page = flows.startMeta("instagram");
        assertTrue(page.body().contains("Ana Travels (@anatravels), Instagram account of the Page Ana Travels"), page.body());
        assertEquals(200, flows.choose("instagram", page, Set.of(0)).statusCode());
        account = flows.one("select short_id from social_accounts where platform = 'instagram'");
    }

    @AfterEach
    void stop() throws Exception {
        files.close();
        flows.close();
    }

    @Test
    void aPictureIsFetchedByMetaFromAilsPublicLinkPublishedAndTheLinkIsGoneAfterwards() throws Exception {
        String text = "Morning light over the bay #sunrise";
        assertTrue(flows.run("post to:" + account + " media:" + files.url("/photo.jpg") + " " + text).text().startsWith("Post "));
        flows.awaitState(text, "published");
        Map<String, String> post = flows.graph.instagramPosts().get(0);
        assertEquals(text, post.get("caption"));
        assertTrue(post.get("image_url").startsWith(RealFlows.PUBLIC_URL + "/media/"), post.toString());
        assertArrayEquals(PHOTO, flows.graph.instagramMediaOf(0).get(0), "Meta got the picture AIL copied");
        assertEquals(List.of(post.get("image_url")), flows.graph.fetchedMediaUrls());
        String link = flows.one("select t.url from post_targets t join posts p on p.id = t.post_id where p.text = ?", text);
        assertTrue(link.startsWith("https://www.instagram.com/p/"), link);
        HttpResponse<String> again = flows.browser().get(flows.localUrl() + URI.create(post.get("image_url")).getRawPath());
        assertEquals(404, again.statusCode(), "the public link ends once Meta has the picture");
    }

    @Test
    void aCarouselOfPicturesAndAVideoAndAReelGoOutAsInstagramDocumentsThem() throws Exception {
        String carousel = "Three views of the harbour";
        flows.run("post to:" + account + " media:" + files.url("/photo.jpg") + " media:" + files.url("/wide.jpg")
                + " media:" + files.url("/clip.mp4") + " " + carousel);
        flows.awaitState(carousel, "published");
        Map<String, String> post = flows.graph.instagramPosts().get(0);
        assertEquals("CAROUSEL", post.get("media_type"));
        assertEquals(3, post.get("children").split(",").length);
        assertEquals(carousel, post.get("caption"));
        List<byte[]> fetched = flows.graph.instagramMediaOf(0);
        assertEquals(CLIP.length, fetched.get(2).length, "the video reached Meta whole (its metadata scrubbed in place)");

        String reel = "A reel of the ferry";
        flows.run("post to:" + account + " media:" + files.url("/clip.mp4") + " " + reel);
        flows.awaitState(reel, "published");
        assertEquals("REELS", flows.graph.instagramPosts().get(1).get("media_type"));
    }

    @Test
    void aCaptionWithTooManyHashtagsIsRefusedBeforeAnythingIsKept() {
        StringBuilder tags = new StringBuilder("So many tags");
        for (int i = 0; i < 31; i++) {
            tags.append(" #tag").append(i);
        }
        String reply = flows.run("post to:" + account + " media:" + files.url("/photo.jpg") + " " + tags).text();
        assertTrue(reply.contains("oo many hashtags for Instagram") && reply.contains("31/30"), reply);
        assertEquals(0, flows.count("select count(*) from posts"));
    }

    @Test
    void aPostOverTheDailyPublishingLimitIsHeldUntilTheOldestPostLeavesTheWindow() throws Exception {
        Instant oldest = Instant.now().minus(Duration.ofHours(23));
        flows.graph.instagramPostedAt(25, oldest);
        String text = "One post too many today";
        flows.run("post to:" + account + " media:" + files.url("/photo.jpg") + " " + text);
        assertTrue(com.ailsocialautomation.testing.Eventually.eventually(Duration.ofSeconds(30), () -> flows.count(
                "select count(*) from post_targets where state = 'scheduled' and due_at > now() + interval '50 minutes'") == 1));
        Instant due = Instant.parse(flows.one("select to_char(due_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from post_targets"));
        assertTrue(Math.abs(Duration.between(oldest.plus(Duration.ofHours(24)), due).toSeconds()) <= 2, due + " vs " + oldest);
        assertEquals(0, flows.graph.instagramPosts().size(), "nothing was published");
        assertTrue(com.ailsocialautomation.testing.Eventually.eventually(Duration.ofSeconds(30), () -> flows.notices().stream()
                .anyMatch(n -> n.contains("Instagram's limit of 25 posts in 24 hours is used up for @anatravels"))),
                "Ana hears why and until when: " + flows.notices());
    }

    @Test
    void aContainerMetaCouldNotFetchFailsThePostWithMetasReason() throws Exception {
        flows.graph.cannotReachPublicUrl();
        String text = "A picture Meta cannot fetch";
        flows.run("post to:" + account + " media:" + files.url("/photo.jpg") + " " + text);
        flows.awaitState(text, "failed");
        String error = String.join(" | ", flows.decrypted().get("post_targets.error_enc"));
        assertTrue(error.contains("Instagram did not take photo.jpg: Instagram could not process it: Error: Media download has failed"), error);
        assertEquals(0, flows.graph.instagramPosts().size());
    }

    @Test
    void anExpiredLoginAsksTheOwnerToReconnect() throws Exception {
        flows.graph.expire(flows.decrypted().get("social_accounts.access_token_enc").get(0));
        String text = "After Meta ended the login";
        flows.run("post to:" + account + " media:" + files.url("/photo.jpg") + " " + text);
        flows.awaitState(text, "failed");
        assertEquals("needs_reconnect", flows.one("select status from social_accounts"));
        String error = String.join(" | ", flows.decrypted().get("post_targets.error_enc"));
        assertTrue(error.contains("/ail connect instagram") && error.contains("Session has expired"), error);
    }
}
