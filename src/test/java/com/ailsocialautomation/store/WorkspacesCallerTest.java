package com.ailsocialautomation.store;

import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every chat request names its person; only the first, or a new display name, writes anything. A scope of a person's
 * own (a Discord DM) goes with them when they are erased, but only once nothing else is left in it.
 */
class WorkspacesCallerTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();

    private final Sql sql = new Sql(pg.dataSource());
    private final Workspaces workspaces = new Workspaces(sql);

    /** The transaction that last wrote the person's row and their workspace's. */
    private String writers(ChatUser user) {
        return sql.one("select u.xmin::text || '/' || w.xmin::text from chat_users u join workspaces w on w.id = u.workspace_id "
                + "where u.id = ?", rs -> rs.getString(1), user.id()).orElseThrow();
    }

    @Test
    void aKnownPersonIsFoundWithoutWritingAndANewNameIsWritten() {
        String team = "T" + UUID.randomUUID();
        ChatUser first = workspaces.caller(FrontEnd.SLACK, team, "U1", "Ana");
        assertEquals("Ana", first.displayName());
        assertEquals(first.workspaceId(), workspaces.find(FrontEnd.SLACK, team).orElseThrow(), "the workspace was created");
        String written = writers(first);

        ChatUser again = workspaces.caller(FrontEnd.SLACK, team, "U1", "Ana");
        assertEquals(first.id(), again.id());
        assertEquals(written, writers(again), "the second request wrote nothing");

        ChatUser renamed = workspaces.caller(FrontEnd.SLACK, team, "U1", "Ana Lima");
        assertEquals(first.id(), renamed.id());
        assertEquals("Ana Lima", workspaces.user(first.workspaceId(), first.id()).orElseThrow().displayName());

        assertEquals(first.id(), workspaces.known(FrontEnd.SLACK, team, "U1").orElseThrow().id());
        assertTrue(workspaces.known(FrontEnd.SLACK, team, "U9").isEmpty(), "someone who never used AIL there was known");
        assertTrue(workspaces.known(FrontEnd.DISCORD, team, "U1").isEmpty(), "a Slack person was known on Discord");
        ChatUser colleague = workspaces.caller(FrontEnd.SLACK, team, "U2", "Bo");
        assertEquals(first.workspaceId(), colleague.workspaceId(), "a colleague joins the same workspace");
        assertNotEquals(first.id(), colleague.id());
    }

    private void erase(ChatUser user) {
        Workspace scope = workspaces.describe(user.workspaceId()).orElseThrow();
        sql.transaction(tx -> {
            workspaces.eraseUser(tx, new PersonalData.Person(scope, user.id(), user.externalId(), List.of(), true), new HashMap<>());
            return null;
        });
    }

    @Test
    void anOwnScopeGoesWithItsPersonOnlyOnceNothingElseIsLeftInIt() {
        String dm = "dm:" + UUID.randomUUID();
        ChatUser cleo = workspaces.caller(FrontEnd.DISCORD, dm, "C1", "Cleo");
        ChatUser left = workspaces.caller(FrontEnd.DISCORD, dm, "C2", "Someone still there");
        erase(cleo);
        assertTrue(workspaces.find(FrontEnd.DISCORD, dm).isPresent(), "a scope with someone left in it was deleted");
        erase(left);
        assertTrue(workspaces.find(FrontEnd.DISCORD, dm).isEmpty(), "an emptied own scope stayed");
    }
}
