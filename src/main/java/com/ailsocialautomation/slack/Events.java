package com.ailsocialautomation.slack;

import com.ailsocialautomation.command.WorkspaceRemoval;
import com.ailsocialautomation.message.FrontEnd;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TeamAccessRevokedEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * Events: App Home opened, and the ways the app leaves a workspace. {@code app_uninstalled} and
 * {@code tokens_revoked} (for the bot) arrive together in either order; each deletes the installation and erases
 * the workspace's data, which is idempotent. {@code team_access_revoked} does the same for the workspaces an
 * Enterprise Grid organisation took the app away from. Each event_id is handled once.
 */
final class Events {
    private static final Logger log = LoggerFactory.getLogger(Events.class);

    private final ProcessedEvents processed;
    private final InstallationStore installations; // null for a single workspace
    private final WorkspaceRemoval removal;
    private final AppHome home;
    private final People people;
    private final Executor work;

    Events(ProcessedEvents processed, InstallationStore installations, WorkspaceRemoval removal, AppHome home,
           People people, Executor work) {
        this.processed = processed;
        this.installations = installations;
        this.removal = removal;
        this.home = home;
        this.people = people;
        this.work = work;
    }

    Response homeOpened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
        AppHomeOpenedEvent event = payload.getEvent();
        if ("home".equals(event.getTab())) {
            var client = ctx.client();
            String teamId = payload.getTeamId();
            work.execute(() -> home.publish(client, people.invocation(client, teamId, event.getUser(), event.getUser(), null), null));
        }
        return ctx.ack();
    }

    Response uninstalled(EventsApiPayload<AppUninstalledEvent> payload, EventContext ctx) {
        return once(payload.getEventId(), ctx, () -> remove(payload.getEnterpriseId(), List.of(payload.getTeamId())));
    }

    Response tokensRevoked(EventsApiPayload<TokensRevokedEvent> payload, EventContext ctx) {
        TokensRevokedEvent.Tokens tokens = payload.getEvent().getTokens();
        if (tokens == null || tokens.getBot() == null || tokens.getBot().isEmpty()) {
            return ctx.ack(); // only user tokens, which AIL does not keep
        }
        return once(payload.getEventId(), ctx, () -> remove(payload.getEnterpriseId(), List.of(payload.getTeamId())));
    }

    Response teamAccessRevoked(EventsApiPayload<TeamAccessRevokedEvent> payload, EventContext ctx) {
        List<String> teams = payload.getEvent().getTeamIds() == null ? List.of() : payload.getEvent().getTeamIds();
        return once(payload.getEventId(), ctx, () -> remove(payload.getEnterpriseId(), teams));
    }

    private void remove(String enterpriseId, List<String> teamIds) {
        for (String teamId : teamIds) {
            if (installations != null) {
                installations.delete(enterpriseId, teamId);
            }
            removal.erase(FrontEnd.SLACK, teamId);
            log.info("AIL left Slack workspace {}; its installation and data are erased", teamId);
        }
    }

    /**
     * Runs {@code action} for the first delivery of {@code eventId}, before the ack, so a failure is answered with
     * a 500 and Slack's retry (which the released claim lets through) tries again.
     */
    private Response once(String eventId, EventContext ctx, Runnable action) {
        if (!processed.claim(eventId)) {
            return ctx.ack();
        }
        try {
            action.run();
        } catch (RuntimeException e) {
            processed.release(eventId);
            log.error("Handling a Slack event failed; Slack's retry will try again", e);
            return Response.builder().statusCode(500).build();
        }
        return ctx.ack();
    }
}
