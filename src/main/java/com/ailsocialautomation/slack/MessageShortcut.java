package com.ailsocialautomation.slack;

import com.ailsocialautomation.command.Compose;
import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.message.Reply;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.File;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

/**
 * "Post with AIL" on any message: acks at once, then opens the compose modal with the message's text and its
 * images and videos, which are copied like files added in the form when the modal is submitted.
 */
final class MessageShortcut {
    /** The shortcut's callback id; {@code bot-manifests/slack/manifest.yml} declares the same. */
    static final String CALLBACK = "ail-post-message";
    private static final Logger log = LoggerFactory.getLogger(MessageShortcut.class);
    /** Slack's markup for a link: the address in angle brackets, optionally followed by a bar and the label. */
    private static final Pattern LINK = Pattern.compile("<((?:https?|mailto):[^|>]+)(?:\\|[^>]*)?>");

    private final Compose compose;
    private final People people;
    private final Replies replies;
    private final Executor work;
    private final Clock clock;

    MessageShortcut(Compose compose, People people, Replies replies, Executor work, Clock clock) {
        this.compose = compose;
        this.people = people;
        this.replies = replies;
        this.work = work;
        this.clock = clock;
    }

    Response apply(MessageShortcutRequest request, MessageShortcutContext ctx) {
        MessageShortcutPayload p = request.getPayload();
        String teamId = p.getTeam() != null ? p.getTeam().getId() : ctx.getTeamId();
        List<File> attached = p.getMessage() == null || p.getMessage().getFiles() == null ? List.of() : p.getMessage().getFiles();
        List<SlackFiles.Ref> files = attached.stream().filter(MessageShortcut::imageOrVideo).limit(ComposeModal.MAX_FILES)
                .map(SlackFiles.Ref::of).toList();
        String text = plain(p.getMessage() == null ? null : p.getMessage().getText());
        ComposeMetadata metadata = new ComposeMetadata(p.getResponseUrl(), clock.instant(), files);
        String origin = metadata.origin().encode();
        Replies.To to = new Replies.To(teamId, p.getUser().getId(), p.getTriggerId(), p.getResponseUrl(), origin);
        var client = ctx.client();
        work.execute(() -> { // after the ack: users.info and views.open never hold it up
            try {
                Invocation invocation = people.invocation(client, teamId, p.getUser().getId(), p.getUser().getName(), origin);
                var opened = client.viewsOpen(r -> r.triggerId(p.getTriggerId())
                        .view(ComposeModal.view(compose.choices(invocation), null, false, metadata, text)));
                if (opened.isOk()) {
                    return;
                }
                log.info("views.open for the message shortcut failed: {}", opened.getError());
            } catch (IOException | SlackApiException | RuntimeException e) {
                log.info("views.open for the message shortcut failed: {}", e.getMessage());
            }
            replies.later(Reply.of("The compose form could not be opened; try the shortcut again, or use `/ail post`."), to, false);
        });
        return ctx.ack();
    }

    /** A file Slack types as neither image nor video (a PDF, a snippet) is left out; an untyped one is left to its bytes. */
    private static boolean imageOrVideo(File file) {
        String type = file.getMimetype();
        return type == null || type.startsWith("image/") || type.startsWith("video/");
    }

    /** The message's text as a person would type it: links without Slack's markup, {@code & < >} unescaped. */
    static String plain(String text) {
        return text == null ? "" : SlashCommand.unescape(LINK.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1))));
    }
}
