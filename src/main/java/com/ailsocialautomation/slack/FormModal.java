package com.ailsocialautomation.slack;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.command.CommandService;
import com.ailsocialautomation.message.Reply;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.MultiUsersSelectElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.RadioButtonsElement;
import com.slack.api.model.block.element.StaticSelectElement;
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
 * A {@link Reply.Form} of the command layer (Bluesky's handle and app password, an account's posting policy) as a
 * modal: text inputs, radio buttons (a menu past ten choices) and a people picker. Its private metadata
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
            InputBlock.InputBlockBuilder block = InputBlock.builder().blockId(input.id()).label(plain(Blocks.cut(input.label(), 2000)));
            switch (input.kind()) {
                case ONE_OF -> block.element(oneOf(input));
                case PEOPLE -> block.optional(true).hint(input.none() == null ? null : plain("Nobody chosen: " + input.id() + ":" + input.none() + "."))
                        .element(MultiUsersSelectElement.builder().actionId(input.id()).initialUsers(input.initial()).build());
                case TEXT -> {
                    PlainTextInputElement.PlainTextInputElementBuilder element = PlainTextInputElement.builder().actionId(input.id())
                            .multiline(CommandService.TEXT.equals(input.id())); // a post's text has lines
                    if (input.placeholder() != null) {
                        element.placeholder(plain(Blocks.cut(input.placeholder(), 150)));
                    }
                    block.hint(input.secret() ? plain("Kept encrypted; AIL never shows it again.") : null).element(element.build());
                }
            }
            blocks.add(block.build());
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
            values.put(input.id(), switch (input.kind()) {
                case ONE_OF -> value == null || value.getSelectedOption() == null ? "" : value.getSelectedOption().getValue();
                case PEOPLE -> value == null || value.getSelectedUsers() == null || value.getSelectedUsers().isEmpty()
                        ? (input.none() == null ? "" : input.none())
                        : String.join(",", value.getSelectedUsers().stream().map(u -> "<@" + u + ">").toList());
                case TEXT -> value == null || value.getValue() == null ? "" : value.getValue().strip();
            });
        }
        return values;
    }

    /** Radio buttons, or a menu where there are more choices than Slack shows as radio buttons. */
    private static BlockElement oneOf(Reply.Input input) {
        List<OptionObject> options = input.choices().stream().limit(100)
                .map(c -> OptionObject.builder().text(plain(Blocks.cut(c, 75))).value(c).build()).toList();
        OptionObject initial = options.stream().filter(o -> input.initial().contains(o.getValue())).findFirst().orElse(null);
        return options.size() <= 10
                ? RadioButtonsElement.builder().actionId(input.id()).options(options).initialOption(initial).build()
                : StaticSelectElement.builder().actionId(input.id()).options(options).initialOption(initial).build();
    }

    private static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).build();
    }
}
