package com.ailsocialautomation.discord;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.command.AltTexts;
import com.ailsocialautomation.command.CommandParser;
import com.ailsocialautomation.command.ParsedCommand;
import com.ailsocialautomation.command.Subcommand;
import com.ailsocialautomation.message.MediaInput;
import net.dv8tion.jda.api.entities.Message;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A message someone chose "Post with AIL" on: its text, its images and videos (Discord's signed CDN addresses, copied
 * by the command layer when the form is sent) and the names of the other files, which are left out. The form's
 * fields become {@code /ail post} or, with a time, {@code /ail schedule at:}, built by the same parser as the slash
 * command's options, so every check and the reply are theirs.
 *
 * @param files   the images and videos in the message's order, each with its attachment's description as alt text
 * @param skipped the names of files that are neither (a PDF, a sound), said in the form
 */
record SharedMessage(String text, List<MediaInput.ChatFile> files, List<String> skipped) {
    /** What one Discord message can carry, and what the form describes one line each. */
    static final int MAX_FILES = 10;
    /** What one field of a Discord form holds. */
    private static final int FORM_FIELD = 4000;

    SharedMessage {
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
    }

    /**
     * The message's text as people see it (mentions as names) and its files, or a UserError when nothing is usable.
     * A forwarded message has neither of its own: Discord carries the original's in a snapshot, whose text is used as
     * written.
     */
    static SharedMessage of(Message message) {
        String text = message.getContentDisplay();
        List<Message.Attachment> attachments = message.getAttachments();
        if (text.isBlank() && attachments.isEmpty() && !message.getMessageSnapshots().isEmpty()) {
            text = message.getMessageSnapshots().get(0).getContentRaw();
            attachments = message.getMessageSnapshots().get(0).getAttachments();
        }
        return of(text.strip(), attachments);
    }

    private static SharedMessage of(String text, List<Message.Attachment> attachments) {
        List<MediaInput.ChatFile> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Message.Attachment file : attachments) {
            if (!imageOrVideo(file) || files.size() == MAX_FILES) {
                skipped.add(file.getFileName());
                continue;
            }
            String description = file.getDescription() == null ? "" : file.getDescription().replaceAll("\\s+", " ").strip();
            if (description.codePointCount(0, description.length()) > AltTexts.MAX_CHARACTERS) {
                throw new UserError("The description of " + file.getFileName() + " is longer than the "
                        + String.format("%,d", AltTexts.MAX_CHARACTERS) + " characters X takes as alt text: shorten it in "
                        + "Discord, or use /ail post with a shorter alt.");
            }
            files.add(new MediaInput.ChatFile(file.getUrl(), null, file.getFileName(), description.isEmpty() ? null : description));
        }
        if (text.isEmpty() && files.isEmpty()) {
            throw new UserError("That message has no text, image or video to post"
                    + (skipped.isEmpty() ? "" : " (" + String.join(", ", skipped) + " is neither an image nor a video)")
                    + "; use /ail post with your text instead.");
        }
        SharedMessage shared = new SharedMessage(text, files, skipped);
        if (shared.altLines().length() > FORM_FIELD) {
            throw new UserError("The descriptions of these files are longer together than the form's "
                    + String.format("%,d", FORM_FIELD) + " characters for alt text: shorten them in Discord, or use "
                    + "/ail post with alt-N.");
        }
        return shared;
    }

    /** Discord types what it knows; a file it does not type is left to its bytes, which the command layer sniffs. */
    private static boolean imageOrVideo(Message.Attachment file) {
        String type = file.getContentType();
        return type == null || type.startsWith("image/") || type.startsWith("video/");
    }

    /** The alt texts the form starts with: one line per file, its description or empty. */
    String altLines() {
        return String.join("\n", files.stream().map(f -> f.altText() == null ? "" : f.altText()).toList());
    }

    /**
     * The command the sent form stands for: {@code to:} the accounts when given, {@code schedule at:} the time when
     * given (else {@code post}, now), the text as edited, and line N of the alt texts describing file N (an empty line:
     * none). More lines than files is refused, since which file would the extra one describe?
     */
    ParsedCommand command(String accounts, String when, String text, String alts) {
        List<String> lines = new ArrayList<>(List.of(alts.split("\\R", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        if (lines.size() > files.size()) {
            throw new UserError("The alt text has " + lines.size() + " lines for " + files.size()
                    + (files.size() == 1 ? " file" : " files") + ": write one line per file, in the order of the files "
                    + "(an empty line for none), and send the form again from the message.");
        }
        List<MediaInput> described = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            MediaInput.ChatFile file = files.get(i);
            String alt = i < lines.size() && !lines.get(i).isBlank() ? AltTexts.check(lines.get(i).strip()) : null;
            described.add(new MediaInput.ChatFile(file.url(), null, file.fileName(), alt));
        }
        Map<String, List<String>> options = new LinkedHashMap<>();
        if (!accounts.isBlank()) {
            options.put("to", List.of(accounts.strip()));
        }
        Subcommand subcommand = Subcommand.POST;
        if (!when.isBlank()) {
            subcommand = Subcommand.SCHEDULE;
            options.put("at", List.of(when.strip()));
        }
        return CommandParser.fromOptions(subcommand.word(), List.of(), options, text.strip(), described);
    }
}
