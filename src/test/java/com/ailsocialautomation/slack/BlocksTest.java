package com.ailsocialautomation.slack;

import com.ailsocialautomation.message.Reply;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue point 7: replies stay within Block Kit's limits however long they are. */
class BlocksTest {
    @Test
    void longTextIsSplitAtLineEndsIntoSectionsOfAtMost3000Characters() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append("• line ").append(i).append(' ').append("x".repeat(60)).append('\n');
        }
        List<LayoutBlock> blocks = Blocks.message(Reply.of(text.toString()));
        assertTrue(blocks.size() > 1);
        for (LayoutBlock b : blocks) {
            String t = ((SectionBlock) b).getText().getText();
            assertTrue(t.length() <= 3000, "section of " + t.length());
            assertTrue(t.startsWith("• line"), "split at a line end");
        }
    }

    @Test
    void aSingleHugeLineIsCutIntoPiecesAndTooManyBlocksEndWithANoteWhileButtonsStay() {
        Reply reply = Reply.of("y".repeat(3000 * 60)).withButton("Retry", "retry:p1", Reply.Button.Style.PRIMARY);
        List<LayoutBlock> blocks = Blocks.message(reply);
        assertEquals(50, blocks.size());
        assertInstanceOf(ContextBlock.class, blocks.get(48), "the note says where the rest is");
        assertInstanceOf(ActionsBlock.class, blocks.get(49));
    }

    @Test
    void fieldsGoTenToASectionAndButtonsTwentyFiveToARow() {
        Reply reply = Reply.of("Many");
        for (int i = 0; i < 23; i++) {
            reply = reply.withField("F" + i, "v".repeat(2500));
        }
        for (int i = 0; i < 30; i++) {
            reply = reply.withButton("B" + i + "x".repeat(100), "retry:p" + i, Reply.Button.Style.DEFAULT);
        }
        List<LayoutBlock> blocks = Blocks.message(reply);
        List<SectionBlock> withFields = blocks.stream().filter(b -> b instanceof SectionBlock s && s.getFields() != null)
                .map(b -> (SectionBlock) b).toList();
        assertEquals(List.of(10, 10, 3), withFields.stream().map(s -> s.getFields().size()).toList());
        withFields.forEach(s -> s.getFields().forEach(f -> assertTrue(f.toString().length() < 2100)));
        List<ActionsBlock> rows = blocks.stream().filter(b -> b instanceof ActionsBlock).map(b -> (ActionsBlock) b).toList();
        assertEquals(List.of(25, 5), rows.stream().map(r -> r.getElements().size()).toList());
        ButtonElement first = (ButtonElement) rows.get(0).getElements().get(0);
        assertTrue(first.getText().getText().length() <= 75);
    }

    @Test
    void textThatLooksLikeSlackMarkupCannotPingOrLink() {
        String t = ((SectionBlock) Blocks.message(Reply.of("<!channel> see <https://evil.example|bank> & more")).get(0)).getText().getText();
        assertEquals("&lt;!channel&gt; see &lt;https://evil.example|bank&gt; &amp; more", t);
    }
}
