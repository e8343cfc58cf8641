package com.ailsocialautomation.discord;

import com.ailsocialautomation.message.Unexpected;
import com.ailsocialautomation.UserError;
import com.ailsocialautomation.message.Reply;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Discord ends an interaction that is not answered within 3 seconds ("10062 Unknown interaction"). Every command,
 * button and form is therefore acknowledged at once with an ephemeral "thinking" state, and only then is the work
 * done on the executor; the answer replaces it through the interaction hook (valid for 15 minutes). A reply meant
 * for the channel is sent as a follow-up and the ephemeral placeholder removed.
 */
final class Deferred {
    private static final Logger log = LoggerFactory.getLogger(Deferred.class);

    private final Executor executor;
    private final Messages messages;

    Deferred(Executor executor, Messages messages) {
        this.executor = executor;
        this.messages = messages;
    }

    void run(IReplyCallback event, String workspace, Supplier<Reply> work) {
        event.deferReply(true).queue(null, e -> log.warn("Discord refused to defer an interaction: {}", e.getMessage()));
        InteractionHook hook = event.getHook();
        String userId = event.getUser().getId();
        executor.execute(() -> finish(hook, answer(work), workspace, userId));
    }

    private static Reply answer(Supplier<Reply> work) {
        try {
            return work.get();
        } catch (UserError e) {
            return Reply.of(e.getMessage());
        } catch (RuntimeException e) {
            return Unexpected.reply(log, "A Discord interaction failed", e);
        }
    }

    private void finish(InteractionHook hook, Reply reply, String workspace, String userId) {
        if (reply.ephemeral()) {
            hook.editOriginal(messages.edit(reply, workspace, userId)).queue(null, Deferred::failed);
        } else {
            hook.sendMessage(messages.create(reply, workspace, userId)).setEphemeral(false)
                    .queue(sent -> hook.deleteOriginal().queue(null, Deferred::failed), Deferred::failed);
        }
    }

    private static void failed(Throwable e) {
        log.warn("A Discord reply could not be delivered: {}", e.getMessage());
    }
}
