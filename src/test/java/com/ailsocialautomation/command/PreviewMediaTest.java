package com.ailsocialautomation.command;

import com.ailsocialautomation.media.MediaRig;
import com.ailsocialautomation.media.Pictures;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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
    void thePreviewAndShowListEachMediaItemWithItsTypeSizeAndAltText() {
        Reply reply = rig.units.commandLayer.commands.run(rig.ana, "schedule in:2h to:webhook media:"
                + rig.serve("/poster", Pictures.png(12, 12, false)) + " media:" + rig.serve("/second", Pictures.png(10, 10, false))
                + " alt:\"The poster for the night\" Doors open at 18:00");
        String media = PostShapesTest.field(reply, "Media");
        assertTrue(media.matches("1\\. poster \\(PNG, \\d+ KB, alt: The poster for the night\\)\n2\\. second \\(PNG, \\d+ KB, no alt text\\)"),
                reply.toPlainText());
        String id = PostShapesTest.postId(reply.text());
        String shown = rig.run(rig.ana, "show " + id);
        assertTrue(shown.contains(media), shown);
    }
}
