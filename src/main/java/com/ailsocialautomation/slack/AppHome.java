package com.ailsocialautomation.slack;

import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.command.Overview;
import com.ailsocialautomation.message.Reply;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The App Home tab ({@code app_home_opened} → {@code views.publish}): the workspace's calendar of this week and next
 * ({@link HomeCalendar}), the person's recent posts with Retry buttons (what is still to go out is in the calendar),
 * their drafts and the workspace's connected accounts, within a view's 100 blocks: every section keeps a few items
 * and the calendar gets what is left. After a button on
 * the home is pressed, the home is published again with the outcome on top.
 */
final class AppHome {
    private static final Logger log = LoggerFactory.getLogger(AppHome.class);

    /** The calendar's most blocks; it gets fewer when the sections around it need them. */
    static final int CALENDAR_BLOCKS = 60;
    /** Items shown per section on the home (each with its "N more" line), so that each section has its place. */
    static final int HOME_ITEMS = 4;

    private final Overview overview;
    private final HomeCalendar calendar;

    AppHome(Overview overview, HomeCalendar calendar) {
        this.overview = overview;
        this.calendar = calendar;
    }

    void publish(MethodsClient client, Invocation invocation, Reply outcome) {
        try {
            var published = client.viewsPublish(r -> r.userId(invocation.userId()).view(View.builder().type("home")
                    .blocks(blocks(invocation, outcome)).build()));
            if (!published.isOk()) {
                log.info("views.publish failed: {}", published.getError());
            }
        } catch (Exception e) {
            log.info("views.publish could not be called: {}", e.getMessage());
        }
    }

    List<LayoutBlock> blocks(Invocation invocation, Reply outcome) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header("AIL Social Automation"));
        blocks.add(Blocks.note("Times in " + (invocation.defaultZone() == null ? "UTC" : invocation.defaultZone().getId())
                + " unless you chose another with `/ail timezone`. `/ail help` lists every command."));
        if (outcome != null) {
            blocks.addAll(Blocks.render(outcome, 4));
            if (outcome.form() != null) { // a button's answer that asks for more (a draft's time): its form, one press away
                blocks.add(ActionsBlock.builder().elements(List.of(ButtonElement.builder()
                        .text(PlainTextObject.builder().text(Blocks.cut("Open form: " + outcome.form().title(), 75)).build())
                        .actionId(FormModal.OPEN_ACTION + ":outcome").style("primary")
                        .value(new FormModal.Pending(outcome.form(), HomeCalendar.FROM_HOME).encode()).build())).build());
            }
        }
        // what waits for the person's decision comes first, before the calendar
        java.util.Optional<Overview.Section> waiting = overview.waiting(invocation);
        if (waiting.isPresent()) {
            section(blocks, waiting.get());
        }
        List<LayoutBlock> after = new ArrayList<>();
        for (Overview.Section section : overview.of(invocation)) {
            section(after, section);
        }
        blocks.add(DividerBlock.builder().build());
        blocks.addAll(calendar.blocks(invocation, Math.min(CALENDAR_BLOCKS, Blocks.VIEW_BLOCKS - blocks.size() - after.size())));
        blocks.addAll(after);
        if (blocks.size() > Blocks.VIEW_BLOCKS) {
            blocks = new ArrayList<>(blocks.subList(0, Blocks.VIEW_BLOCKS - 1));
            blocks.add(Blocks.note("Cut to fit; `/ail list` shows everything."));
        }
        return blocks;
    }

    private static void section(List<LayoutBlock> blocks, Overview.Section section) {
        blocks.add(DividerBlock.builder().build());
        blocks.add(header(section.title()));
        if (section.items().isEmpty()) {
            blocks.add(Blocks.note(section.empty()));
        }
        for (Reply item : section.items().subList(0, Math.min(HOME_ITEMS, section.items().size()))) {
            blocks.add(Blocks.section(Blocks.escape(item.text())));
            blocks.addAll(Blocks.actions(item.buttons()));
        }
        int more = section.more() + Math.max(0, section.items().size() - HOME_ITEMS);
        if (more > 0) {
            blocks.add(Blocks.note(more + " more: `" + section.all() + "` shows them."));
        }
    }

    private static HeaderBlock header(String text) {
        return HeaderBlock.builder().text(PlainTextObject.builder().text(Blocks.cut(text, 150)).build()).build();
    }
}
