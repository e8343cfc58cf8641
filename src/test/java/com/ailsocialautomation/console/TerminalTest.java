package com.ailsocialautomation.console;

import com.ailsocialautomation.message.Reply;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The console speaks console (issue 17.5): marks rendered for a terminal, buttons as commands to type. */
class TerminalTest {
    @Test
    void boldIsBoldOnATerminalAndPlainWhenPiped() {
        assertEquals("Post p3ph9 · Scheduled for 09:00", Terminal.text("Post p3ph9 · *Scheduled* for 09:00", false));
        assertEquals("Post \u001B[1mScheduled\u001B[0m", Terminal.text("Post *Scheduled*", true));
        assertEquals("2 * 3 * 4 and a*b*c stay", Terminal.text("2 * 3 * 4 and a*b*c stay", false));
    }

    @Test
    void linksShowTheirLabelAndAddress() {
        assertEquals("Open the post (https://example.com/p/1) now",
                Terminal.text("Open <https://example.com/p/1|the post> now", false));
        assertEquals("see https://example.com", Terminal.text("see <https://example.com>", false));
        assertEquals("a <b> stays", Terminal.text("a <b> stays", false));
    }

    @Test
    void buttonsThatRunACommandAreShownAsTheCommandToType() {
        Reply reply = Reply.of("Post p3ph9 failed")
                .withButton("Retry", "retry:p3ph9", Reply.Button.Style.PRIMARY)
                .withButton("Cancel", "cancel:p3ph9", Reply.Button.Style.DANGER)
                .withButton("Erase my data", "confirm-forget-me:tok", Reply.Button.Style.DANGER);
        assertEquals("Post p3ph9 failed\n  Type: retry p3ph9  ·  cancel p3ph9", Terminal.render(reply, false));
    }
}
