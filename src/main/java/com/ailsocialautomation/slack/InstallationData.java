package com.ailsocialautomation.slack;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.store.PersonalData;
import com.ailsocialautomation.store.Sql;
import com.ailsocialautomation.store.Workspace;

import java.util.Map;

/**
 * Slack installations as personal data. The installer's own user token and id belong to them, not to the
 * installation, so forget-me clears them; an installation goes when the app leaves its workspace (its tokens are
 * dead by then), also when AIL never stored anything else about that workspace.
 */
public final class InstallationData implements PersonalData {
    @Override
    public void eraseUser(Sql tx, Person person, Map<Count, Integer> counted) {
        Workspace w = person.workspace();
        if (w.frontEnd() == FrontEnd.SLACK) {
            tx.update("""
                    update slack_installations set installer_user_id = null, user_token_enc = null
                    where installer_user_id = ? and (team_id = ? or enterprise_id = ?
                        or enterprise_id = (select enterprise_id from slack_team_enterprises where team_id = ?))""",
                    person.externalId(), w.externalId(), w.externalId(), w.externalId());
        }
    }

    @Override
    public void eraseWorkspace(Sql tx, Workspace workspace, Map<Count, Integer> counted) {
        // the installation is keyed by Slack's ids: forgetWorkspace removes it, known workspace or not
    }

    @Override
    public void forgetWorkspace(Sql q, FrontEnd frontEnd, String externalId) {
        if (frontEnd == FrontEnd.SLACK) {
            q.update("delete from slack_installations where team_id = ? or (team_id is null and enterprise_id = ?)",
                    externalId, externalId);
        }
    }
}
