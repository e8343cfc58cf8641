package com.ailsocialautomation.slack;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.command.CommandService;
import com.ailsocialautomation.message.Reply;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Reply.Form} of the command layer (Bluesky's handle and app password) as a modal. Its private metadata
 * carries the action to submit and the origin to answer; the values go to {@code CommandService.submit} by input id.
 * Slack has no masked text input, so a secret input says it is never shown again and its value is never echoed.
 */
final class FormModal {
    static final String CALLBACK = "ail-form";
    static final String OPEN_ACTION = "ail-open-form";

    /** What the modal remembers between opening and submitting. */
    record Pending(Reply.Form form, String origin) {
        String encode() {
            try {
                return Json.MAPPER.writeValueAsString(this);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        static Pending decode(String json) {
            try {
                return Json.MAPPER.readValue(json, Pending.class);
            } catch (JsonProcessingException e) {
                return null;
            }
        }
    }

    private FormModal() {}

    /** Whether a button opens a form: {@link #OPEN_ACTION}, or it with a suffix where one view holds several. */
    static boolean opens(String actionId) {
        return OPEN_ACTION.equals(actionId) || actionId != null && actionId.startsWith(OPEN_ACTION + ":");
    }

    static View view(Pending pending) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (Reply.Input input : pending.form().inputs()) {
            PlainTextInputElement.PlainTextInputElementBuilder element = PlainTextInputElement.builder().actionId(input.id())
                    .multiline(CommandService.TEXT.equals(input.id())); // a post's text has lines
            if (input.placeholder() != null) {
                element.placeholder(plain(Blocks.cut(input.placeholder(), 150)));
            }
            blocks.add(InputBlock.builder().blockId(input.id()).label(plain(Blocks.cut(input.label(), 2000)))
                    .hint(input.secret() ? plain("Kept encrypted; AIL never shows it again.") : null)
                    .element(element.build()).build());
        }
        return View.builder().type("modal").callbackId(CALLBACK)
                .title(ViewTitle.builder().type("plain_text").text(Blocks.cut(pending.form().title(), 24)).build())
                .submit(ViewSubmit.builder().type("plain_text").text("Submit").build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").build())
                .privateMetadata(pending.encode())
                .blocks(blocks).build();
    }

    /** The submitted values by input id. */
    static Map<String, String> values(Reply.Form form, ViewState state) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Reply.Input input : form.inputs()) {
            Map<String, ViewState.Value> block = state.getValues().get(input.id());
            ViewState.Value value = block == null ? null : block.get(input.id());
            values.put(input.id(), value == null || value.getValue() == null ? "" : value.getValue().strip());
        }
        return values;
    }

    private static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).build();
    }
}
