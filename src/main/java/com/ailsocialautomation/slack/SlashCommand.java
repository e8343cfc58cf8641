package com.ailsocialautomation.slack;

import com.ailsocialautomation.message.Unexpected;
import com.ailsocialautomation.UserError;
import com.ailsocialautomation.command.AccountPolicyCommand;
import com.ailsocialautomation.command.CommandParser;
import com.ailsocialautomation.command.CommandService;
import com.ailsocialautomation.command.Compose;
import com.ailsocialautomation.command.CsvSource;
import com.ailsocialautomation.command.Subcommand;
import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.command.MissingText;
import com.ailsocialautomation.command.ParsedCommand;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.Reply;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code /ail <text>}. Slack retries a command that is not acked within 3 seconds, so the command, and the users.info
 * lookup before it, run on a worker: when it answers within {@code ackWithin} of the request's arrival the answer is
 * the ack; otherwise the ack says it is working and the answer follows through the response_url. {@code /ail post}
 * and {@code /ail schedule} without text are acked at once and open the compose modal right after.
 */
final class SlashCommand implements SlashCommandHandler {
    private static final Logger log = LoggerFactory.getLogger(SlashCommand.class);

    private final CommandService commands;
    private final Compose compose;
    private final People people;
    private final Replies replies;
    private final ExecutorService work;
    private final Duration ackWithin;
    private final Clock clock;

    SlashCommand(CommandService commands, Compose compose, People people, Replies replies, ExecutorService work,
                 Duration ackWithin, Clock clock) {
        this.commands = commands;
        this.compose = compose;
        this.people = people;
        this.replies = replies;
        this.work = work;
        this.ackWithin = ackWithin;
        this.clock = clock;
    }

    @Override
    public Response apply(SlashCommandRequest request, SlashCommandContext ctx) {
        AckDeadline deadline = AckDeadline.of(request, ackWithin);
        SlashCommandPayload p = request.getPayload();
        String text = unescape(p.getText());
        String origin = new Origin(p.getResponseUrl(), clock.instant()).encode();
        Replies.To to = new Replies.To(p.getTeamId(), p.getUserId(), p.getTriggerId(), p.getResponseUrl(), origin);
        MethodsClient client = ctx.client();
        // users.info runs on the worker: the ack waits for it only within the budget
        java.util.function.Supplier<Invocation> who = () -> people.invocation(client, p.getTeamId(), p.getUserId(), p.getUserName(), origin);
        ParsedCommand parsed;
        try {
            parsed = CommandParser.parse(text);
        } catch (MissingText e) {
            return composes(e.partial().name()) ? openCompose(ctx, who, e.partial(), to) : ctx.ack(e.getMessage());
        } catch (UserError e) {
            String bare = text.strip().toLowerCase(Locale.ROOT);
            if (Subcommand.ACCOUNT.word().equals(bare)) { // the account is picked in the form
                return answer(ctx, deadline, client, to, bare, () -> commands.press(who.get(), AccountPolicyCommand.SETTINGS));
            }
            return composes(bare) ? openCompose(ctx, who, new ParsedCommand(bare, java.util.List.of(),
                    java.util.Map.of(), ""), to) : ctx.ack(e.getMessage());
        }
        // help's overview for someone already recorded: answered here, without users.info, a worker or the database
        Reply known = commands.fromMemory(new Invocation(FrontEnd.SLACK, p.getTeamId(), p.getUserId(), p.getUserName(),
                false, null, origin, false), parsed);
        if (known != null) {
            return Response.json(200, replies.ackFromMemory(known, client, to));
        }
        if (parsed.subcommand() == Subcommand.IMPORT && parsed.files().isEmpty() && parsed.option(CsvSource.OPTION) == null) {
            return openImport(ctx, to); // a slash command carries no file: the form takes it
        }
        return answer(ctx, deadline, client, to, parsed.name(), () -> commands.run(who.get(), parsed));
    }

    /** The ack: the reply when it comes within the deadline, else a working note and the reply through the response_url. */
    private Response answer(SlashCommandContext ctx, AckDeadline deadline, MethodsClient client, Replies.To to, String name,
                            java.util.function.Supplier<Reply> run) {
        CompletableFuture<Reply> answer = CompletableFuture.supplyAsync(run, work);
        try {
            Reply reply = answer.get(deadline.remainingMillis(), TimeUnit.MILLISECONDS);
            return Response.json(200, replies.ack(reply, client, to)); // one pass; ackWithJson renders twice (a tree, then text)
        } catch (TimeoutException slow) {
            answer.whenComplete((reply, failure) -> {
                if (reply != null) {
                    replies.later(reply, to, false);
                } else {
                    replies.later(Unexpected.reply(log, "A Slack command failed after its ack", failure), to, false);
                }
            });
            return ctx.ack(r -> r.responseType("ephemeral").text("Working on `/ail " + name + "`…"));
        } catch (ExecutionException e) {
            return Response.json(200, replies.ack(Unexpected.reply(log, "A Slack command failed", e.getCause()), client, to));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ctx.ack("AIL is stopping; please try again in a moment.");
        }
    }

    private static boolean composes(String name) {
        return "post".equals(name) || "schedule".equals(name) || "draft".equals(name);
    }

    /**
     * Acks at once and opens the compose modal after (the trigger lasts about 3 seconds from Slack's sending, enough
     * for views.open once users.info has answered); when it cannot open, says how to post without it.
     */
    private Response openCompose(SlashCommandContext ctx, java.util.function.Supplier<Invocation> who, ParsedCommand partial,
                                 Replies.To to) {
        MethodsClient client = ctx.client();
        work.execute(() -> {
            try {
                Invocation invocation = who.get();
                var opened = client.viewsOpen(r -> r.triggerId(to.triggerId()).view(ComposeModal.view(
                        compose.choices(invocation), partial, "schedule".equals(partial.name()), to.origin())));
                if (opened.isOk()) {
                    return;
                }
                log.info("views.open for the compose modal failed: {}", opened.getError());
            } catch (IOException | SlackApiException | RuntimeException e) {
                log.info("views.open for the compose modal failed: {}", e.getMessage());
            }
            replies.later(Reply.of("The compose form could not be opened; give the text in the command: `/ail "
                    + partial.name() + " <text>`."), to, false);
        });
        return ctx.ack();
    }

    /** Acks at once and opens the import form after; when it cannot open, says how to import without it. */
    private Response openImport(SlashCommandContext ctx, Replies.To to) {
        MethodsClient client = ctx.client();
        work.execute(() -> {
            try {
                var opened = client.viewsOpen(r -> r.triggerId(to.triggerId()).view(ImportModal.view(to.origin())));
                if (opened.isOk()) {
                    return;
                }
                log.info("views.open for the import form failed: {}", opened.getError());
            } catch (IOException | SlackApiException | RuntimeException e) {
                log.info("views.open for the import form failed: {}", e.getMessage());
            }
            replies.later(Reply.of("The import form could not be opened; give the file as a link: "
                    + "`/ail import csv:<https link>`."), to, false);
        });
        return ctx.ack();
    }

    /** Slack escapes {@code & < >} in command text; the post is published as the person typed it. */
    static String unescape(String text) {
        return text == null ? "" : text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
