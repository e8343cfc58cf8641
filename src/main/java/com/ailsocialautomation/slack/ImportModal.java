package com.ailsocialautomation.slack;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.command.CommandParser;
import com.ailsocialautomation.command.CsvSource;
import com.ailsocialautomation.command.ParsedCommand;
import com.ailsocialautomation.command.Subcommand;
import com.ailsocialautomation.message.MediaInput;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.CheckboxesElement;
import com.slack.api.model.block.element.FileInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The form {@code /ail import} opens without a file: a slash command cannot carry one, so the CSV is added in a file
 * input (one file), with a tick for partial:yes. Submitting it runs the same import command the text form names,
 * with the file as a chat file read with the bot token.
 */
final class ImportModal {
    static final String CALLBACK = "ail-import";
    static final String FILE = CsvSource.OPTION;
    static final String PARTIAL = "partial";

    private ImportModal() {}

    /** The form; {@code origin} is where the answer goes (the command's response_url). */
    static View view(String origin) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(Blocks.section("A CSV file, UTF-8, whose first line is `when,to,text,media,alt`; one post a line. "
                + "Every line is checked first: if one cannot be scheduled, nothing is (`/ail help import` explains the columns)."));
        blocks.add(InputBlock.builder().blockId(FILE).label(plain("CSV file")).element(FileInputElement.builder()
                .actionId(FILE).filetypes(List.of("csv")).maxFiles(1).build()).build());
        blocks.add(InputBlock.builder().blockId(PARTIAL).label(plain("If some lines cannot be scheduled")).optional(true)
                .element(CheckboxesElement.builder().actionId(PARTIAL).options(List.of(OptionObject.builder().value("yes")
                        .text(plain("Schedule the others anyway")).build())).build()).build());
        return View.builder().type("modal").callbackId(CALLBACK).privateMetadata(origin)
                .title(ViewTitle.builder().type("plain_text").text("Import posts").build())
                .submit(ViewSubmit.builder().type("plain_text").text("Import").build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").build())
                .blocks(blocks).build();
    }

    /** The import command a submitted form stands for; a UserError when Slack does not hand the file over. */
    static ParsedCommand command(ViewState state, SlackFiles files, MethodsClient client, String botToken) {
        ViewState.Value file = ComposeModal.value(state.getValues(), FILE);
        List<SlackFiles.Ref> refs = file == null || file.getFiles() == null ? List.of()
                : file.getFiles().stream().map(SlackFiles.Ref::of).toList();
        if (refs.isEmpty()) {
            throw new UserError("Add the CSV file.");
        }
        List<MediaInput> chat = files.resolve(client, botToken, refs, List.of());
        ViewState.Value partial = ComposeModal.value(state.getValues(), PARTIAL);
        boolean ticked = partial != null && partial.getSelectedOptions() != null && !partial.getSelectedOptions().isEmpty();
        return CommandParser.fromOptions(Subcommand.IMPORT.word(), List.of(),
                ticked ? Map.of(PARTIAL, List.of("yes")) : Map.of(), null, chat);
    }

    private static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).build();
    }
}
