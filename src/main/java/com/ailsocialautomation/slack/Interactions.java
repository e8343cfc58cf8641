package com.ailsocialautomation.slack;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.command.CommandService;
import com.ailsocialautomation.command.Compose;
import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.command.ParsedCommand;
import com.ailsocialautomation.message.Reply;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Buttons and modal submissions. A button's action id is the command layer's ({@code cancel:p7k2q},
 * {@code confirm-forget-me}) and goes to {@code CommandService.press}, which checks the presser's rights as the
 * text command would; the answer follows through the response_url (or, on App Home, in the refreshed home).
 * The compose modal answers with field errors while something is wrong; a form's values go to
 * {@code CommandService.submit}.
 */
final class Interactions {
    private static final Logger log = LoggerFactory.getLogger(Interactions.class);

    private final CommandService commands;
    private final Compose compose;
    private final SlackFiles files;
    private final People people;
    private final Replies replies;
    private final AppHome home;
    private final Executor work;
    private final Duration ackWithin;
    private final Clock clock;

    /** Left of the ack budget for the rest of a view submission's answer once users.info had its share. */
    private static final long ANSWER_RESERVE_MILLIS = 500;

    Interactions(CommandService commands, Compose compose, SlackFiles files, People people, Replies replies, AppHome home,
                 Executor work, Duration ackWithin, Clock clock) {
        this.commands = commands;
        this.compose = compose;
        this.files = files;
        this.people = people;
        this.replies = replies;
        this.home = home;
        this.work = work;
        this.ackWithin = ackWithin;
        this.clock = clock;
    }

    Response button(BlockActionRequest request, ActionContext ctx) throws IOException, SlackApiException {
        BlockActionPayload p = request.getPayload();
        if (p.getActions() == null || p.getActions().isEmpty()) {
            return ctx.ack();
        }
        BlockActionPayload.Action action = p.getActions().get(0);
        String teamId = p.getTeam() != null ? p.getTeam().getId() : ctx.getTeamId();
        String userId = p.getUser().getId();
        if (FormModal.opens(action.getActionId())) {
            FormModal.Pending pending = FormModal.Pending.decode(action.getValue());
            if (pending != null) {
                var client = ctx.client();
                work.execute(() -> { // after the ack: the ack never waits on views.open
                    try {
                        client.viewsOpen(r -> r.triggerId(p.getTriggerId()).view(FormModal.view(pending)));
                    } catch (IOException | SlackApiException e) {
                        log.info("views.open for a form failed: {}", e.getMessage());
                    }
                });
            }
            return ctx.ack();
        }
        String origin = new Origin(p.getResponseUrl(), clock.instant()).encode();
        Replies.To to = new Replies.To(teamId, userId, null, p.getResponseUrl(), origin);
        boolean onHome = p.getView() != null && "home".equals(p.getView().getType());
        var client = ctx.client();
        work.execute(() -> {
            Invocation invocation = people.invocation(client, teamId, userId, p.getUser().getUsername(), origin);
            Reply reply = commands.press(invocation, action.getActionId());
            if (onHome) {
                home.publish(client, invocation, reply);
            } else {
                replies.later(reply, to, false);
            }
        });
        return ctx.ack();
    }

    Response compose(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload p = request.getPayload();
        String stored = p.getView().getPrivateMetadata();
        ComposeMetadata metadata = ComposeMetadata.decode(stored);
        if (metadata == null && stored != null && !stored.isBlank()) {
            return foreign();
        }
        Origin origin = metadata == null ? null : metadata.origin();
        Invocation invocation = invocation(p, ctx, origin == null ? null : origin.encode(), AckDeadline.of(request, ackWithin));
        Map<String, String> errors = new LinkedHashMap<>();
        Compose.Draft draft = ComposeFiles.read(p.getView().getState(), metadata, files, ctx.client(), ctx.getBotToken(), errors);
        if (draft == null) {
            return ctx.ackWithErrors(errors);
        }
        boolean asDraft = ComposeModal.savesDraft(p.getView().getState());
        Map<String, String> problems = compose.problems(invocation, draft, asDraft);
        if (!problems.isEmpty()) {
            return ctx.ackWithErrors(ComposeModal.errors(problems));
        }
        Replies.To to = new Replies.To(invocation.workspaceId(), invocation.userId(), null,
                origin == null || !origin.responseUrlUsable(clock.instant()) ? null : origin.responseUrl(), invocation.origin());
        work.execute(() -> replies.later(compose.send(invocation, draft, asDraft), to, false));
        return ctx.ack();
    }

    Response form(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload p = request.getPayload();
        FormModal.Pending pending = FormModal.Pending.decode(p.getView().getPrivateMetadata());
        if (pending == null || pending.form() == null) {
            return foreign();
        }
        boolean fromHome = HomeCalendar.FROM_HOME.equals(pending.origin());
        Origin origin = Origin.decode(pending.origin());
        Invocation invocation = invocation(p, ctx, fromHome ? null : pending.origin(), AckDeadline.of(request, ackWithin));
        Map<String, String> values = FormModal.values(pending.form(), p.getView().getState());
        Reply reply = commands.submit(invocation, pending.form().submitAction(), values);
        if (reply.form() != null) {
            return ctx.ackWithUpdate(FormModal.view(new FormModal.Pending(reply.form(), pending.origin())));
        }
        if (fromHome) { // a calendar button's form: the outcome shows on top of the refreshed home
            var client = ctx.client();
            work.execute(() -> home.publish(client, invocation, reply));
            return ctx.ack();
        }
        Replies.To to = new Replies.To(invocation.workspaceId(), invocation.userId(), null,
                origin == null || !origin.responseUrlUsable(clock.instant()) ? null : origin.responseUrl(), pending.origin());
        work.execute(() -> replies.later(reply, to, false));
        return ctx.ack();
    }

    /** The import form: its file goes to /ail import as a chat file; a file Slack does not hand over is a field error. */
    Response importFile(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload p = request.getPayload();
        String stored = p.getView().getPrivateMetadata();
        Origin origin = Origin.decode(stored);
        if (origin == null && stored != null && !stored.isBlank()) {
            return foreign();
        }
        ParsedCommand command;
        try {
            command = ImportModal.command(p.getView().getState(), files, ctx.client(), ctx.getBotToken());
        } catch (UserError e) {
            return ctx.ackWithErrors(Map.of(ImportModal.FILE, Blocks.cut(e.getMessage(), 2000)));
        }
        Invocation invocation = invocation(p, ctx, origin == null ? null : origin.encode(), AckDeadline.of(request, ackWithin));
        Replies.To to = new Replies.To(invocation.workspaceId(), invocation.userId(), null,
                origin == null || !origin.responseUrlUsable(clock.instant()) ? null : origin.responseUrl(), invocation.origin());
        work.execute(() -> replies.later(commands.run(invocation, command), to, false));
        return ctx.ack();
    }

    /** A view AIL did not open (its metadata is not what AIL wrote): refused before anything is read or stored. */
    private static Response foreign() {
        RequestShape.refused("a view submission carries metadata AIL did not write");
        return Response.builder().statusCode(400).contentType("text/plain; charset=utf-8")
                .body("not a view AIL opened").build();
    }

    /** A view submission's answer is its ack (errors, an update), so users.info gets only part of the budget. */
    private Invocation invocation(ViewSubmissionPayload p, ViewSubmissionContext ctx, String origin, AckDeadline deadline) {
        String teamId = p.getTeam() != null ? p.getTeam().getId() : ctx.getTeamId();
        return people.invocation(ctx.client(), teamId, p.getUser().getId(), p.getUser().getUsername(), origin,
                deadline.remainingMillis() - ANSWER_RESERVE_MILLIS);
    }
}
