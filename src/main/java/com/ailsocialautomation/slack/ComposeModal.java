package com.ailsocialautomation.slack;

import com.ailsocialautomation.command.AltTexts;
import com.ailsocialautomation.command.Compose;
import com.ailsocialautomation.command.ParsedCommand;
import com.ailsocialautomation.message.Disclosure;
import com.ailsocialautomation.message.Interaction;
import com.ailsocialautomation.message.MediaInput;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.message.PostOptions;
import com.ailsocialautomation.message.PostOption;
import com.ailsocialautomation.message.Privacy;
import com.ailsocialautomation.message.Worded;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.CheckboxesElement;
import com.slack.api.model.block.element.DatePickerElement;
import com.slack.api.model.block.element.FileInputElement;
import com.slack.api.model.block.element.MultiStaticSelectElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.block.element.TimePickerElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewState;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compose modal for {@code /ail post}, {@code /ail schedule} and {@code /ail draft} without text, and for the
 * "Post with AIL" message shortcut: accounts (multi-select), text, date and time pickers (empty: now), "Save as
 * draft" (ticked when opened by draft; Slack modals have one submit button), an optional media URL, files
 * (up to 10 images or videos) and their alt texts, then a field for each per-platform option (title:, privacy:...)
 * that one of the workspace's accounts uses. Block ids are the field names of {@link Compose}, so its problems
 * become Slack's field errors as they are.
 *
 * <p>Alt texts are one multi-line field, one line per item, not a field per file: a file input sends nothing until
 * the form is submitted, so the modal cannot grow a field for each file added. The lines follow the order of the
 * media: the link, then the message's files, then the files added here; an empty line skips an item.
 */
final class ComposeModal {
    static final String CALLBACK = "ail-compose";
    static final String DATE = "date";
    static final String TIME = "time";
    static final String FILES = "files";
    static final String ALT = "alt";
    /** Slack's file input takes at most 10 files, as Slack's own composer does. */
    static final int MAX_FILES = 10;
    /** What AIL can publish; Slack only uses the list to guide the picker, the bytes decide when AIL copies them. */
    private static final List<String> FILE_TYPES = List.of("jpg", "jpeg", "png", "gif", "webp", "mp4", "mov");
    private static final int MAX_OPTIONS = 100;
    private static final int MAX_TEXT = 3000;
    private static final Map<PostOption, String> LABELS = Map.of(PostOption.TITLE, "Title", PostOption.PRIVACY,
            "Who may see it", PostOption.TAGS, "Tags", PostOption.ALLOW, "Allow", PostOption.DISCLOSE, "Disclose",
            PostOption.COMMENT, "First comment");

    private ComposeModal() {}

    static View view(List<Compose.Choice> choices, ParsedCommand partial, boolean schedule, String origin) {
        Origin o = Origin.decode(origin);
        return view(choices, partial, schedule, new ComposeMetadata(o == null ? null : o.responseUrl(),
                o == null ? null : o.issuedAt(), List.of()), "");
    }

    /** The modal prefilled with a message's text and files (the message shortcut), or with a partial command's options. */
    static View view(List<Compose.Choice> choices, ParsedCommand partial, boolean schedule, ComposeMetadata metadata, String text) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (choices.isEmpty()) {
            blocks.add(Blocks.section("No accounts are connected in this workspace yet. Connect one with "
                    + "`/ail connect <platform>`, then try again."));
            return base(schedule, drafting(partial), metadata.encode()).blocks(blocks).submit(null).build();
        }
        List<OptionObject> options = choices.stream().limit(MAX_OPTIONS)
                .map(c -> OptionObject.builder().value(c.id()).text(plain(Blocks.cut(c.label(), 75))).build()).toList();
        List<OptionObject> initial = preselected(options, choices, partial);
        blocks.add(input(Compose.ACCOUNTS, "Accounts", false, MultiStaticSelectElement.builder().actionId(Compose.ACCOUNTS)
                .options(options).initialOptions(initial.isEmpty() ? null : initial)
                .placeholder(plain("Where to publish")).build()));
        blocks.add(input(Compose.TEXT, "Text", true, PlainTextInputElement.builder().actionId(Compose.TEXT)
                .multiline(true).maxLength(MAX_TEXT).initialValue(text == null || text.isEmpty() ? null : Blocks.cut(text, MAX_TEXT))
                .build()));
        blocks.add(input(DATE, schedule ? "Date" : "Date (leave empty to publish now)", true,
                DatePickerElement.builder().actionId(DATE).build()));
        blocks.add(input(TIME, "Time (in your time zone)", true, TimePickerElement.builder().actionId(TIME).build()));
        OptionObject asDraft = OptionObject.builder().value(Compose.SAVE_AS_DRAFT).text(plain("Save as draft"))
                .description(plain("Nothing is published or scheduled; schedule or post it later by its id")).build();
        blocks.add(input(Compose.SAVE_AS_DRAFT, "Draft", true, CheckboxesElement.builder().actionId(Compose.SAVE_AS_DRAFT)
                .options(List.of(asDraft)).initialOptions(drafting(partial) ? List.of(asDraft) : null).build()));
        String media = partial == null ? null : partial.option("media");
        blocks.add(input(Compose.MEDIA, "Image or video link (optional)", true, PlainTextInputElement.builder()
                .actionId(Compose.MEDIA).initialValue(media).placeholder(plain("https://example.com/photo.jpg")).build()));
        if (!metadata.files().isEmpty()) {
            blocks.add(Blocks.section("*From the message:* " + String.join(", ", metadata.files().stream()
                    .map(f -> Blocks.escape(f.name())).toList()) + " (published after the link, before files added here)"));
        }
        int room = MAX_FILES - metadata.files().size();
        if (room > 0) {
            blocks.add(input(FILES, "Images or videos (up to " + room + ")", true, FileInputElement.builder().actionId(FILES)
                    .filetypes(FILE_TYPES).maxFiles(room).build()));
        }
        blocks.add(InputBlock.builder().blockId(ALT).label(plain("Alt text, one line per image or video")).optional(true)
                .hint(plain("Describe each for people who cannot see it, in order: the link, then the files. "
                        + "An empty line skips one; at most " + String.format("%,d", AltTexts.MAX_CHARACTERS) + " characters a line."))
                .element(PlainTextInputElement.builder().actionId(ALT).multiline(true).build()).build());
        options(choices, partial).forEach(blocks::add);
        texts(choices, partial).forEach(blocks::add);
        return base(schedule, drafting(partial), metadata.encode()).blocks(blocks).build();
    }

    /** Opened by {@code /ail draft}: Save as draft comes ticked. */
    private static boolean drafting(ParsedCommand partial) {
        return partial != null && "draft".equals(partial.name());
    }

    /** Whether a submitted view has Save as draft ticked. */
    static boolean savesDraft(ViewState state) {
        ViewState.Value ticked = value(state.getValues(), Compose.SAVE_AS_DRAFT);
        return ticked != null && ticked.getSelectedOptions() != null && ticked.getSelectedOptions().stream()
                .anyMatch(o -> Compose.SAVE_AS_DRAFT.equals(o.getValue()));
    }

    /**
     * A field for each per-platform option that one of the workspace's accounts uses, with a hint naming the
     * platforms: a modal cannot change as accounts are chosen without a round trip per choice, and the command
     * refuses an option none of the chosen accounts uses, beside its field.
     */
    private static List<LayoutBlock> options(List<Compose.Choice> choices, ParsedCommand partial) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (PostOption option : PostOption.values()) {
            if (choices.stream().noneMatch(c -> c.options().contains(option))) {
                continue;
            }
            String given = partial == null ? null : partial.option(option.key());
            com.slack.api.model.block.element.BlockElement element = switch (option) {
                case PRIVACY -> {
                    List<OptionObject> values = Arrays.stream(Privacy.values()).map(p -> option(p.word())).toList();
                    yield StaticSelectElement.builder().actionId(option.key()).options(values).placeholder(plain("Default"))
                            .initialOption(values.stream().filter(v -> v.getValue().equals(given)).findFirst().orElse(null)).build();
                }
                case ALLOW -> checkboxes(option, Worded.words(Interaction.class), given);
                case DISCLOSE -> checkboxes(option, Worded.words(Disclosure.class), given);
                case COMMENT -> PlainTextInputElement.builder().actionId(option.key()).initialValue(given).multiline(true)
                        .placeholder(plain("Link and details in the comments")).build();
                default -> PlainTextInputElement.builder().actionId(option.key()).initialValue(given)
                        .placeholder(plain(option == PostOption.TAGS ? "launch, spring" : "Spring release")).build();
            };
            blocks.add(InputBlock.builder().blockId(option.key()).label(plain(LABELS.get(option))).optional(true)
                    .hint(plain(Compose.hint(option))).element(element).build());
        }
        return blocks;
    }

    /**
     * An optional text field per platform among the workspace's accounts (a modal cannot add fields as accounts are
     * chosen without a round trip): that platform's own text, text.&lt;platform&gt;: in the text command.
     */
    private static List<LayoutBlock> texts(List<Compose.Choice> choices, ParsedCommand partial) {
        List<LayoutBlock> blocks = new ArrayList<>();
        choices.stream().map(Compose.Choice::platform).filter(java.util.Objects::nonNull).distinct().sorted()
                .forEach(platform -> {
                    String key = PostOptions.textKey(platform);
                    blocks.add(InputBlock.builder().blockId(key).label(plain("Text for " + platform.displayName())).optional(true)
                            .hint(plain(Compose.textHint(platform)))
                            .element(PlainTextInputElement.builder().actionId(key).multiline(true)
                                    .initialValue(partial == null ? null : partial.option(key)).build()).build());
                });
        return blocks;
    }

    /** The per-target texts filled in a submitted view, by platform. */
    static Map<PlatformId, String> texts(Map<String, Map<String, ViewState.Value>> values) {
        Map<PlatformId, String> texts = new java.util.EnumMap<>(PlatformId.class);
        for (PlatformId platform : PlatformId.values()) {
            ViewState.Value value = value(values, PostOptions.textKey(platform));
            if (value != null && value.getValue() != null && !value.getValue().isBlank()) {
                texts.put(platform, value.getValue());
            }
        }
        return texts;
    }

    private static CheckboxesElement checkboxes(PostOption option, List<String> words, String given) {
        List<OptionObject> values = words.stream().map(ComposeModal::option).toList();
        List<String> ticked = given == null ? List.of() : List.of(given.split(","));
        List<OptionObject> initial = values.stream().filter(v -> ticked.contains(v.getValue())).toList();
        return CheckboxesElement.builder().actionId(option.key()).options(values)
                .initialOptions(initial.isEmpty() ? null : initial).build();
    }

    private static OptionObject option(String word) {
        return OptionObject.builder().value(word).text(plain(word)).build();
    }

    /** The per-platform options filled in a submitted view, as typed: privacy "unlisted", allow "comments,duet". */
    static Map<PostOption, String> options(Map<String, Map<String, ViewState.Value>> values) {
        Map<PostOption, String> given = new LinkedHashMap<>();
        for (PostOption option : PostOption.values()) {
            ViewState.Value value = value(values, option.key());
            String typed = value == null ? null : value.getSelectedOption() != null ? value.getSelectedOption().getValue()
                    : value.getSelectedOptions() != null && !value.getSelectedOptions().isEmpty()
                    ? String.join(",", value.getSelectedOptions().stream().map(ViewState.SelectedOption::getValue).toList())
                    : value.getValue();
            if (typed != null && !typed.isBlank()) {
                given.put(option, typed);
            }
        }
        return given;
    }

    private static View.ViewBuilder base(boolean schedule, boolean draft, String origin) {
        return View.builder().type("modal").callbackId(CALLBACK).privateMetadata(origin)
                .title(ViewTitle.builder().type("plain_text").text(draft ? "Save a draft" : schedule ? "Schedule a post" : "New post").build())
                .submit(ViewSubmit.builder().type("plain_text").text(draft ? "Save" : schedule ? "Schedule" : "Publish").build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").build());
    }

    /**
     * The draft in a submitted view, with its files as chat files; {@code altLines} follow the order of the media,
     * so the first belongs to the link when there is one and the others to the files.
     */
    static Compose.Draft draft(ViewState state, List<String> altLines, List<MediaInput> files) {
        Map<String, Map<String, ViewState.Value>> values = state.getValues();
        ViewState.Value accounts = value(values, Compose.ACCOUNTS);
        List<String> ids = accounts == null || accounts.getSelectedOptions() == null ? List.of()
                : accounts.getSelectedOptions().stream().map(ViewState.SelectedOption::getValue).toList();
        ViewState.Value text = value(values, Compose.TEXT);
        ViewState.Value date = value(values, DATE);
        ViewState.Value time = value(values, TIME);
        ViewState.Value media = value(values, Compose.MEDIA);
        String link = media == null || media.getValue() == null || media.getValue().isBlank() ? null : media.getValue();
        List<String> alts = link != null && !altLines.isEmpty() && !altLines.get(0).isEmpty() ? List.of(altLines.get(0)) : List.of();
        return new Compose.Draft(ids, text == null || text.getValue() == null ? "" : text.getValue(),
                date == null || date.getSelectedDate() == null ? null : LocalDate.parse(date.getSelectedDate()),
                time == null || time.getSelectedTime() == null ? null : LocalTime.parse(time.getSelectedTime()),
                link, alts, files, options(values), texts(values));
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

    static ViewState.Value value(Map<String, Map<String, ViewState.Value>> values, String id) {
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
