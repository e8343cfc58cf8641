package com.ailsocialautomation.discord;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.command.ParsedCommand;
import com.ailsocialautomation.message.MediaInput;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.messages.MessageSnapshot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** What "Post with AIL" takes from a message, and the command its form becomes. */
class SharedMessageTest {
    private static Message.Attachment file(String name, String type, String description) {
        Message.Attachment file = mock(Message.Attachment.class);
        when(file.getFileName()).thenReturn(name);
        when(file.getContentType()).thenReturn(type);
        when(file.getDescription()).thenReturn(description);
        when(file.getUrl()).thenReturn("https://cdn.discordapp.com/attachments/1/2/" + name + "?ex=1&is=2&hm=3");
        return file;
    }

    private static Message message(String text, Message.Attachment... files) {
        Message message = mock(Message.class);
        when(message.getContentDisplay()).thenReturn(text);
        when(message.getAttachments()).thenReturn(List.of(files));
        return message;
    }

    @Test
    void imagesVideosAndUntypedFilesAreKeptInOrderUpToTenAndTheRestNamedAsLeftOut() {
        List<Message.Attachment> files = new ArrayList<>();
        files.add(file("clip.mp4", "video/mp4", "A clip\nof the stage"));
        files.add(file("notes.pdf", "application/pdf", null));
        files.add(file("raw", null, null)); // Discord could not type it: its bytes decide
        for (int i = 1; i <= 9; i++) {
            files.add(file("p" + i + ".png", "image/png", null));
        }
        SharedMessage shared = SharedMessage.of(message("  Hello  ", files.toArray(Message.Attachment[]::new)));

        assertEquals("Hello", shared.text());
        assertEquals(10, shared.files().size());
        assertEquals(List.of("clip.mp4", "raw", "p1.png"), shared.files().subList(0, 3).stream().map(MediaInput.ChatFile::fileName).toList());
        assertEquals(List.of("notes.pdf", "p9.png"), shared.skipped());
        assertTrue(shared.altLines().startsWith("A clip of the stage\n\n\n"), "one line per file: " + shared.altLines());
    }

    @Test
    void aForwardedMessageIsPostedWithTheOriginalsTextAndFiles() {
        Message forwarded = message("");
        Message.Attachment photo = file("original.jpg", "image/jpeg", "Its description");
        MessageSnapshot original = mock(MessageSnapshot.class);
        when(original.getContentRaw()).thenReturn("The original words");
        when(original.getAttachments()).thenReturn(List.of(photo));
        when(forwarded.getMessageSnapshots()).thenReturn(List.of(original));

        SharedMessage shared = SharedMessage.of(forwarded);

        assertEquals("The original words", shared.text());
        assertEquals(List.of("original.jpg"), shared.files().stream().map(MediaInput.ChatFile::fileName).toList());
        assertEquals("Its description", shared.altLines());
    }

    @Test
    void aMessageWithNothingUsableOrADescriptionTooLongForAltTextIsRefusedInOneLine() {
        UserError nothing = assertThrows(UserError.class, () -> SharedMessage.of(message(" ", file("a.zip", "application/zip", null))));
        assertTrue(nothing.getMessage().contains("no text, image or video") && nothing.getMessage().contains("a.zip"), nothing.getMessage());
        UserError tooLong = assertThrows(UserError.class, () -> SharedMessage.of(message("", file("big.png", "image/png", "d".repeat(1001)))));
        assertTrue(tooLong.getMessage().contains("big.png") && !tooLong.getMessage().contains("\n"), tooLong.getMessage());
    }

    @Test
    void theFormBecomesPostOrScheduleAtWithLineNOfTheAltTextDescribingFileN() {
        SharedMessage shared = SharedMessage.of(message("Hi", file("a.png", "image/png", "Own"), file("b.png", "image/png", null),
                file("c.png", "image/png", null)));

        ParsedCommand now = shared.command("", " ", "Edited text", "First\n\nThird\n\n");
        assertEquals("post", now.name());
        assertEquals("Edited text", now.text());
        assertEquals(Map.of(), now.options(), "no to: (as /ail post without it), no time");
        assertEquals(java.util.Arrays.asList("First", null, "Third"), now.files().stream().map(MediaInput::altText).toList());

        ParsedCommand later = shared.command("mastodon, x", "tomorrow 09:00", "Hi", "");
        assertEquals("schedule", later.name());
        assertEquals(List.of("tomorrow 09:00"), later.options("at"));
        assertEquals(List.of("mastodon, x"), later.options("to"));
        later.files().forEach(f -> assertNull(f.altText(), "the prefilled descriptions were cleared"));

        UserError extra = assertThrows(UserError.class, () -> shared.command("", "", "Hi", "a\nb\nc\nd"));
        assertTrue(extra.getMessage().startsWith("The alt text has 4 lines for 3 files"), extra.getMessage());
    }
}
