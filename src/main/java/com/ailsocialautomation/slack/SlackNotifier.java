package com.ailsocialautomation.slack;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.notify.Notifier;

/** The engine's messages to Slack users: a DM with the Retry / Cancel buttons, and an update where the post was made. */
final class SlackNotifier implements Notifier {
    private final DirectMessages dms;
    private final ResponseUrl responses;

    SlackNotifier(DirectMessages dms, ResponseUrl responses) {
        this.dms = dms;
        this.responses = responses;
    }

    @Override
    public FrontEnd frontEnd() {
        return FrontEnd.SLACK;
    }

    @Override
    public void direct(String workspaceId, String userId, Reply message) {
        dms.send(workspaceId, userId, message);
    }

    @Override
    public void updateOrigin(String workspaceId, String origin, Reply message) {
        Origin where = Origin.decode(origin);
        if (where != null) {
            dms.update(where, message, responses);
        }
    }
}
