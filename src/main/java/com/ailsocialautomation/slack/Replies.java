package com.ailsocialautomation.slack;

import com.ailsocialautomation.message.Reply;
import com.slack.api.bolt.util.JsonOps;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.ButtonElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Hands a command's {@link Reply} to the person who asked, whichever way it can go now: with the ack while the
 * trigger is fresh (a form opens as a modal at once), or through the response_url afterwards (a form then waits
 * behind an "Open form" button, whose click brings a new trigger). A file always goes to their DM.
 */
final class Replies {
    private static final Logger log = LoggerFactory.getLogger(Replies.class);

    /** Who asked and where to answer. */
    record To(String teamId, String userId, String triggerId, String responseUrl, String origin) {}

    private final ResponseUrl responses;
    private final DirectMessages dms;
    private final Executor work;

    private final java.util.concurrent.atomic.AtomicReference<Rendered> lastFromMemory = new java.util.concurrent.atomic.AtomicReference<>();

    Replies(ResponseUrl responses, DirectMessages dms, Executor work) {
        this.responses = responses;
        this.dms = dms;
        this.work = work;
    }

    /**
     * The body of the ack that carries {@code reply}. Its form opens as a modal right after, on a worker (the ack
     * never waits on views.open), while the trigger is fresh; if it cannot, an "Open form" button follows.
     */
    java.util.Map<String, Object> ack(Reply reply, MethodsClient client, To to) {
        Reply shown = withFileNote(reply, to);
        boolean opened = reply.form() != null;
        if (opened) {
            work.execute(() -> {
                if (!openForm(reply.form(), client, to)) {
                    later(Reply.of("Press the button to open the form.").withForm(reply.form()), to, false);
                }
            });
            if (shown.text().isBlank()) {
                shown = Reply.of("Fill in the form that opens.");
            }
        }
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("response_type", shown.ephemeral() ? "ephemeral" : "in_channel");
        body.put("text", Blocks.fallback(shown));
        body.put("blocks", blocks(shown, reply, to, opened));
        return body;
    }

    /**
     * The ack's JSON for a reply given from memory ({@code CommandService.fromMemory}): the same Reply object each time,
     * and without a form or a file its ack depends on nothing else, so the last one is rendered once and kept
     * (help's overview is about 8 KB of JSON, which took more CPU to render than the rest of its request).
     */
    String ackFromMemory(Reply reply, MethodsClient client, To to) {
        Rendered last = lastFromMemory.get();
        if (last != null && last.reply() == reply) {
            return last.json();
        }
        String json = JsonOps.toJsonString(ack(reply, client, to));
        if (reply.form() == null && reply.file() == null) {
            json = ascii(json);
            lastFromMemory.set(new Rendered(reply, json));
        }
        return json;
    }

    /**
     * The same JSON with every character above U+007F written as a JSON unicode escape, which readers decode to the
     * same text: an all-ASCII string is stored a byte a character and turned into the response's UTF-8 by a plain
     * copy, where one with a single dash or ellipsis took twice the memory and a character-by-character encoding.
     */
    static String ascii(String json) {
        StringBuilder out = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c < 0x80) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private record Rendered(Reply reply, String json) {}

    private static boolean openForm(Reply.Form form, MethodsClient client, To to) {
        try {
            var opened = client.viewsOpen(r -> r.triggerId(to.triggerId())
                    .view(FormModal.view(new FormModal.Pending(form, to.origin()))));
            if (!opened.isOk()) {
                log.info("views.open for a form failed: {}", opened.getError());
            }
            return opened.isOk();
        } catch (Exception e) {
            log.info("views.open for a form failed: {}", e.getMessage());
            return false;
        }
    }

    private List<LayoutBlock> blocks(Reply shown, Reply original, To to, boolean formOpened) {
        List<LayoutBlock> blocks = new ArrayList<>(Blocks.message(shown));
        if (original.form() != null && !formOpened) {
            blocks.add(openFormButton(original.form(), to));
        }
        return blocks;
    }

    /** Answers through the response_url after the ack. */
    void later(Reply reply, To to, boolean replaceOriginal) {
        Reply shown = withFileNote(reply, to);
        List<LayoutBlock> blocks = blocks(shown, reply, to, false);
        if (!responses.post(to.responseUrl(), Blocks.fallback(shown), blocks, shown.ephemeral(), replaceOriginal)) {
            try {
                dms.send(to.teamId(), to.userId(), shown);
            } catch (RuntimeException e) {
                log.info("A reply could not be delivered: {}", e.getMessage());
            }
        }
    }

    private Reply withFileNote(Reply reply, To to) {
        if (reply.file() == null) {
            return reply;
        }
        Reply.File file = reply.file();
        work.execute(() -> {
            try {
                dms.sendFile(to.teamId(), to.userId(), file);
            } catch (RuntimeException e) {
                log.warn("A file could not be sent to a Slack user: {}", e.getMessage());
            }
        });
        String note = "The file " + file.name() + " is on its way to your direct messages with AIL.";
        return new Reply(reply.text().isBlank() ? note : reply.text() + "\n" + note, reply.fields(), reply.buttons(),
                true, null, null);
    }

    private static LayoutBlock openFormButton(Reply.Form form, To to) {
        return ActionsBlock.builder().elements(List.of(ButtonElement.builder()
                .text(PlainTextObject.builder().text(Blocks.cut("Open form: " + form.title(), 75)).build())
                .actionId(FormModal.OPEN_ACTION).style("primary")
                .value(new FormModal.Pending(form, to.origin()).encode()).build())).build();
    }
}
