package com.ailsocialautomation.slack;

import com.ailsocialautomation.fakes.FakeMastodon;
import com.ailsocialautomation.fakes.FakeSlack;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.testing.PostgresExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.ailsocialautomation.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 point 6 end to end: a picture added in Slack's compose form, submitted as Slack signs it, is copied once
 * from Slack's file host with the bot token when the post is accepted, and reaches Mastodon with its alt line after
 * the file has been deleted in Slack.
 */
class SlackMediaPublishTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static final FakeMastodon mastodon = FakeMastodon.start();
    static SlackRig rig;

    @BeforeAll
    static void start() throws Exception {
        rig = SlackRig.publishingTo(pg, mastodon);
    }

    @AfterAll
    static void stop() throws Exception {
        rig.close();
        mastodon.close();
    }

    @Test
    void aPictureAddedInTheFormReachesMastodonWithItsAltAfterSlackDeletedIt() throws Exception {
        String team = "TPUB";
        rig.user("UPUB", "Pia", "UTC", false);
        Account account = rig.mastodonAccount(team, "UPUB", mastodon);
        rig.requests.command(team, "UPUB", "post", rig.slack.responseUrl("pub0"));
        JsonNode view = rig.slack.await("views.open", 1, c -> c.form().get("trigger_id").endsWith("UPUB")).get(0).jsonField("view");
        Map<String, Object> file = rig.slack.addFile("F0PUB", "square.png", "image/png", picture());
        Map<String, ObjectNode> values = new LinkedHashMap<>();
        values.put("accounts", Payloads.selected(List.of(account.shortId())));
        values.put("text", Payloads.textValue("A red square"));
        values.put("date", Payloads.date(null));
        values.put("time", Payloads.time(null));
        values.put("media", Payloads.textValue(null));
        values.put(ComposeModal.FILES, Payloads.files(List.of(file)));
        values.put(ComposeModal.ALT, Payloads.textValue("A red square on white"));

        String ack = rig.requests.interactivity(Payloads.submission(team, "UPUB", ComposeModal.CALLBACK,
                view.path("private_metadata").asText(), values)).body();

        assertFalse(ack.contains("response_action"), ack);
        FakeSlack.Call answer = rig.slack.await("respond", 1, c -> c.form().get("url").endsWith("/pub0")).get(0);
        assertTrue(answer.json().contains("Post p"), "the post was accepted: " + answer.json());
        rig.slack.deleteFile("F0PUB"); // gone from Slack once the post is accepted
        assertTrue(eventually(Duration.ofSeconds(20), () -> mastodon.statuses().size() == 1), "the post reached Mastodon");
        JsonNode status = mastodon.statuses().get(0);
        assertEquals("A red square", status.path("text_sent").asText());
        String media = status.path("media_attachments").get(0).path("id").asText();
        assertEquals("A red square on white", mastodon.description(media));
        assertTrue(new String(mastodon.uploadedBytes(media), StandardCharsets.ISO_8859_1).startsWith("\u0089PNG"));
        List<FakeSlack.Call> downloads = rig.slack.calls("download");
        assertEquals(1, downloads.size(), "copied once, when the post was accepted");
        assertEquals(FakeSlack.BOT_TOKEN, downloads.get(0).token(), "with the bot token");
    }

    private static byte[] picture() throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                image.setRGB(x, y, x > 10 && x < 30 && y > 5 && y < 25 ? 0xCC2200 : 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
