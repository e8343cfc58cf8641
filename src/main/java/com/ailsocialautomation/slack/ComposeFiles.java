package com.ailsocialautomation.slack;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.command.AltTexts;
import com.ailsocialautomation.command.Compose;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.view.ViewState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The media of a submitted compose modal: the message's files and those added in the form, and the alt field's lines,
 * which follow the order of the media (the link, then the files).
 */
final class ComposeFiles {
    private ComposeFiles() {}

    /** The files of a submitted view in order: the message's, then those added in the form. */
    static List<SlackFiles.Ref> files(ViewState state, ComposeMetadata metadata) {
        List<SlackFiles.Ref> files = new ArrayList<>(metadata == null ? List.of() : metadata.files());
        ViewState.Value added = ComposeModal.value(state.getValues(), ComposeModal.FILES);
        if (added != null && added.getFiles() != null) {
            added.getFiles().forEach(f -> files.add(SlackFiles.Ref.of(f)));
        }
        return files;
    }

    /**
     * The alt field's lines, one per item in the order of the media (the link, then the files), up to the last line
     * that is not empty; a UserError when there are more lines than items or a line is too long.
     */
    static List<String> altLines(ViewState state, int items) {
        ViewState.Value alt = ComposeModal.value(state.getValues(), ComposeModal.ALT);
        List<String> lines = new ArrayList<>(alt == null || alt.getValue() == null ? List.of()
                : List.of(alt.getValue().split("\\R", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        if (lines.size() > items) {
            throw new UserError("That is " + lines.size() + (lines.size() == 1 ? " line" : " lines") + " of alt text for "
                    + items + (items == 1 ? " image or video" : " images and videos") + ": give one line per item, in order "
                    + "(the link, then the files), or remove " + (lines.size() - items) + ".");
        }
        lines.replaceAll(line -> line.isBlank() ? "" : AltTexts.check(line.strip()));
        return lines;
    }

    /** Whether the link field holds a link (the first item of the media, so the first alt line is its). */
    static boolean hasLink(ViewState state) {
        ViewState.Value media = ComposeModal.value(state.getValues(), Compose.MEDIA);
        return media != null && media.getValue() != null && !media.getValue().isBlank();
    }

    /**
     * The submitted draft with its files as chat files (files.info fills in a missing download address, within the
     * ack), or null with the field errors: too many or too long alt lines, a file Slack does not hand over.
     */
    static Compose.Draft read(ViewState state, ComposeMetadata metadata, SlackFiles files, MethodsClient client,
                              String botToken, Map<String, String> errors) {
        List<SlackFiles.Ref> refs = files(state, metadata);
        boolean link = hasLink(state);
        String field = ComposeModal.ALT;
        try {
            List<String> lines = altLines(state, refs.size() + (link ? 1 : 0));
            List<String> fileAlts = link && !lines.isEmpty() ? lines.subList(1, lines.size()) : lines;
            // a message's file that Slack refuses is shown under the text: the file input is for new files
            field = state.getValues().containsKey(ComposeModal.FILES) ? ComposeModal.FILES : Compose.TEXT;
            return ComposeModal.draft(state, lines, files.resolve(client, botToken, refs, fileAlts));
        } catch (UserError e) {
            errors.put(field, Blocks.cut(e.getMessage(), 2000));
            return null;
        }
    }
}
