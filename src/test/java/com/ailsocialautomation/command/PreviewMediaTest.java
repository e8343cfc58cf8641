package com.ailsocialautomation.command;

import com.ailsocialautomation.media.MediaRig;
import com.ailsocialautomation.media.Pictures;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The preview says how many media a post carries; show lists each copied item with its alt text. */
class PreviewMediaTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    MediaRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = new MediaRig(pg);
        rig.connectWebhook(rig.ana);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void thePreviewCountsTheMediaAndShowListsTheirAltTexts() {
        Reply reply = rig.units.commandLayer.commands.run(rig.ana, "schedule in:2h to:webhook media:"
                + rig.serve("/poster", Pictures.png(12, 12, false)) + " alt:\"The poster for the night\" Doors open at 18:00");
        assertEquals("1 image or video", PostShapesTest.field(reply, "Media"), reply.toPlainText());
        String id = PostShapesTest.postId(reply.text());
        String shown = rig.run(rig.ana, "show " + id);
        assertTrue(shown.contains("alt: The poster for the night)"), shown);
    }
}
