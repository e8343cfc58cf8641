package com.ailsocialautomation.slack;

import com.ailsocialautomation.command.Compose;
import com.ailsocialautomation.command.ParsedCommand;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.DatePickerElement;
import com.slack.api.model.block.element.MultiStaticSelectElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.TimePickerElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compose modal for {@code /ail post} and {@code /ail schedule} without text: accounts (multi-select), text,
 * date and time pickers (empty: now) and an optional media URL. Block ids are the field names of
 * {@link Compose}, so its problems become Slack's field errors as they are.
 */
final class ComposeModal {
    static final String CALLBACK = "ail-compose";
    static final String DATE = "date";
    static final String TIME = "time";
    private static final int MAX_OPTIONS = 100;
    private static final int MAX_TEXT = 3000;

    private ComposeModal() {}

    static View view(List<Compose.Choice> choices, ParsedCommand partial, boolean schedule, String origin) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (choices.isEmpty()) {
            blocks.add(Blocks.section("No accounts are connected in this workspace yet. Connect one with "
                    + "`/ail connect <platform>`, then try again."));
            return base(schedule, origin).blocks(blocks).submit(null).build();
        }
        List<OptionObject> options = choices.stream().limit(MAX_OPTIONS)
                .map(c -> OptionObject.builder().value(c.id()).text(plain(Blocks.cut(c.label(), 75))).build()).toList();
        List<OptionObject> initial = preselected(options, choices, partial);
        blocks.add(input(Compose.ACCOUNTS, "Accounts", false, MultiStaticSelectElement.builder().actionId(Compose.ACCOUNTS)
                .options(options).initialOptions(initial.isEmpty() ? null : initial)
                .placeholder(plain("Where to publish")).build()));
        blocks.add(input(Compose.TEXT, "Text", true, PlainTextInputElement.builder().actionId(Compose.TEXT)
                .multiline(true).maxLength(MAX_TEXT).build()));
        blocks.add(input(DATE, schedule ? "Date" : "Date (leave empty to publish now)", true,
                DatePickerElement.builder().actionId(DATE).build()));
        blocks.add(input(TIME, "Time (in your time zone)", true, TimePickerElement.builder().actionId(TIME).build()));
        String media = partial == null ? null : partial.option("media");
        blocks.add(input(Compose.MEDIA, "Image or video link (optional)", true, PlainTextInputElement.builder()
                .actionId(Compose.MEDIA).initialValue(media).placeholder(plain("https://example.com/photo.jpg")).build()));
        return base(schedule, origin).blocks(blocks).build();
    }

    private static View.ViewBuilder base(boolean schedule, String origin) {
        return View.builder().type("modal").callbackId(CALLBACK).privateMetadata(origin)
                .title(ViewTitle.builder().type("plain_text").text(schedule ? "Schedule a post" : "New post").build())
                .submit(ViewSubmit.builder().type("plain_text").text(schedule ? "Schedule" : "Publish").build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").build());
    }

    /** The draft in a submitted view. */
    static Compose.Draft draft(ViewState state) {
        Map<String, Map<String, ViewState.Value>> values = state.getValues();
        ViewState.Value accounts = value(values, Compose.ACCOUNTS);
        List<String> ids = accounts == null || accounts.getSelectedOptions() == null ? List.of()
                : accounts.getSelectedOptions().stream().map(ViewState.SelectedOption::getValue).toList();
        ViewState.Value text = value(values, Compose.TEXT);
        ViewState.Value date = value(values, DATE);
        ViewState.Value time = value(values, TIME);
        ViewState.Value media = value(values, Compose.MEDIA);
        return new Compose.Draft(ids, text == null || text.getValue() == null ? "" : text.getValue(),
                date == null || date.getSelectedDate() == null ? null : LocalDate.parse(date.getSelectedDate()),
                time == null || time.getSelectedTime() == null ? null : LocalTime.parse(time.getSelectedTime()),
                media == null ? null : media.getValue());
    }

    /** Compose's problems as Slack field errors: the "when" problem shows under the date picker. */
    static Map<String, String> errors(Map<String, String> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach((field, message) -> errors.put(Compose.WHEN.equals(field) ? DATE : field, Blocks.cut(message, 2000)));
        return errors;
    }

    private static List<OptionObject> preselected(List<OptionObject> options, List<Compose.Choice> choices, ParsedCommand partial) {
        if (choices.size() == 1) {
            return options;
        }
        String to = partial == null ? null : partial.option("to");
        if (to == null) {
            return List.of();
        }
        List<String> named = List.of(to.toLowerCase().split(","));
        return options.stream().filter(o -> named.contains(o.getValue())).toList();
    }

    private static ViewState.Value value(Map<String, Map<String, ViewState.Value>> values, String id) {
        Map<String, ViewState.Value> block = values.get(id);
        return block == null ? null : block.get(id);
    }

    private static InputBlock input(String id, String label, boolean optional, com.slack.api.model.block.element.BlockElement element) {
        return InputBlock.builder().blockId(id).label(plain(label)).optional(optional).element(element).build();
    }

    private static PlainTextObject plain(String text) {
        return PlainTextObject.builder().text(text).build();
    }
}
