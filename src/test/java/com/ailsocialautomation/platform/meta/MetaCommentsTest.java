package com.ailsocialautomation.platform.meta;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.fakes.FakeGraph;
import com.ailsocialautomation.media.TestMedia;
import com.ailsocialautomation.platform.AuthorizeRequest;
import com.ailsocialautomation.platform.ClientApp;
import com.ailsocialautomation.platform.CodeExchange;
import com.ailsocialautomation.platform.Credentials;
import com.ailsocialautomation.platform.DirectApiClient;
import com.ailsocialautomation.platform.Media;
import com.ailsocialautomation.platform.MediaRef;
import com.ailsocialautomation.platform.PlatformApp;
import com.ailsocialautomation.platform.PlatformError;
import com.ailsocialautomation.platform.PublicMedia;
import com.ailsocialautomation.platform.PublishRequest;
import com.ailsocialautomation.platform.Published;
import com.ailsocialautomation.platform.ReplyTo;
import com.ailsocialautomation.platform.TokenSet;
import com.ailsocialautomation.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** First comments on a Facebook Page post and an Instagram post, as the account itself, against FakeGraph. */
class MetaCommentsTest {
    private static final String PUBLIC = "https://ail.example.com";
    private static final ClientApp APP = new ClientApp(FakeGraph.APP_ID, Secret.of(FakeGraph.APP_SECRET));
    private static final String IG = "17841400000000002";

    private FakeGraph graph;
    private MediaServer files;
    private MetaGraph meta;

    @BeforeEach
    void start() {
        graph = FakeGraph.start(PUBLIC);
        files = new MediaServer(Map.of("/p.jpg", Map.entry("image/jpeg", TestMedia.jpeg(640, 640))));
        meta = new MetaGraph(new DirectApiClient(Duration.ofSeconds(5)),
                new PlatformApp(FakeGraph.APP_ID, Secret.of(FakeGraph.APP_SECRET), graph.url(), graph.url(), null), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        files.close();
        graph.close();
    }

    private TokenSet login() {
        FacebookProvider facebook = new FacebookProvider(meta);
        URI dialog = facebook.authorizeUrl(new AuthorizeRequest("st4te", null, PUBLIC + "/oauth/facebook/callback", null, APP));
        assertTrue(dialog.getQuery().contains("pages_manage_engagement"), "the login asks for what commenting needs: " + dialog);
        FakeGraph.Callback back = graph.approve(dialog);
        return facebook.exchangeCode(new CodeExchange(Secret.of(back.code()), null, PUBLIC + "/oauth/facebook/callback", null, APP));
    }

    private Credentials page() {
        TokenSet user = login();
        Credentials asUser = new Credentials(user.accessToken(), null, null, null, "501", "quinterobakery", APP);
        Secret pageToken = new FacebookProvider(meta).choices(asUser).get(0).tokens().accessToken();
        return new Credentials(pageToken, null, null, null, "501", "quinterobakery", APP);
    }

    private static PublishRequest post(String text, List<MediaRef> media, int items) {
        List<com.ailsocialautomation.platform.MediaItem> described = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            described.add(null);
        }
        return new PublishRequest("p1", text, media, described, UUID.randomUUID(), null);
    }

    @Test
    void aFirstCommentGoesUnderThePagePostAsThePage() {
        FacebookProvider facebook = new FacebookProvider(meta);
        Credentials page = page();
        Published post = facebook.publish(page, post("Fresh bread at 7", List.of(), 0));
        Published comment = facebook.comment(page, post("Order ahead: https://example.com/order", List.of(), 0), ReplyTo.post(post));
        assertEquals(List.of(new FakeGraph.Comment(comment.externalId(), post.externalId(), "Order ahead: https://example.com/order")),
                graph.comments());
        assertEquals("https://www.facebook.com/" + post.externalId() + "?comment_id=" + comment.externalId(), comment.url());
    }

    @Test
    void withoutPagesManageEngagementTheCommentIsRefusedAndThePostStands() {
        FacebookProvider facebook = new FacebookProvider(meta);
        Credentials page = page();
        Published post = facebook.publish(page, post("Closed on Monday", List.of(), 0));
        graph.grantScope("pages_show_list,pages_read_engagement,pages_manage_posts");
        PlatformError refused = assertThrows(PlatformError.class,
                () -> facebook.comment(page, post("Open Tuesday", List.of(), 0), ReplyTo.post(post)));
        assertTrue(refused.getMessage().contains("pages_manage_engagement"), refused.getMessage());
        assertEquals(List.of(), graph.comments());
        assertEquals(1, graph.posts().size());
    }

    @Test
    void aFirstCommentGoesUnderTheInstagramPostAsTheAccount() throws Exception {
        TokenSet user = login();
        Credentials ig = new Credentials(user.accessToken(), null, user.expiresAt(), null, IG, "@anatravels", APP);
        InstagramProvider instagram = new InstagramProvider(meta, new PublicMedia() {
            @Override
            public URI grant(Media item, Duration lifetime) {
                return URI.create(files.url("/p.jpg"));
            }

            @Override
            public void revoke(URI link) {
            }
        });
        MediaRef container = instagram.uploadMedia(ig, Media.inMemory("p.jpg", "image/jpeg", new byte[] {1}, null),
                post("Lisbon at dusk", List.of(), 1));
        assertTrue(Eventually.eventually(Duration.ofSeconds(10), () -> instagram.mediaStatus(ig, container).ready()));
        Published post = instagram.publish(ig, post("Lisbon at dusk", List.of(new MediaRef(container.id(), true, null)), 1));
        Published comment = instagram.comment(ig, post("#lisbon #travel", List.of(), 0), ReplyTo.post(post));
        assertEquals(List.of(new FakeGraph.Comment(comment.externalId(), post.externalId(), "#lisbon #travel")), graph.comments());
        assertEquals(post.url(), comment.url(), "Instagram comments have no link of their own: the post's");

        graph.grantScope("pages_show_list,pages_read_engagement");
        PlatformError refused = assertThrows(PlatformError.class,
                () -> instagram.comment(ig, post("again", List.of(), 0), ReplyTo.post(post)));
        assertTrue(refused.getMessage().contains("instagram_manage_comments"), refused.getMessage());
    }
}
