package com.ailsocialautomation.store;

import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.testing.PostgresExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who approves a post and which round a decision belongs to: a button pressed on an older round's message records
 * nothing, and an account without approvers of its own is approved by the workspace's admins.
 */
class ApprovalsStoreTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    static Sql sql;
    static Workspaces workspaces;
    static UUID ws;
    static ChatUser ana;
    static Account hook;

    @BeforeAll
    static void workspace() {
        sql = new Sql(pg.dataSource());
        workspaces = new Workspaces(sql);
        ws = workspaces.ensure(FrontEnd.SLACK, "T-APPROVE", "Approve Inc");
        ana = workspaces.ensureUser(ws, "U-ANA", "Ana");
        hook = new Accounts(sql, pg.vault()).connect(ws, ana.id(), new NewAccount(PlatformId.WEBHOOK, "hook-a", "hook.test/a", "hook",
                null, null, null, null), new StoredTokens(Secret.of("whsec_a"), null, null, null, Secret.of("https://hook.test/a")));
    }

    @Test
    void aDecisionCountsOnlyForTheRoundThePostIsIn() {
        Approvals approvals = new Approvals(sql, pg.vault());
        Instant at = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Post post = new Posts(sql, pg.vault()).create(ws, ana.id(), "needs a yes", List.of(), at, null, List.of(hook));
        assertEquals(0, approvals.round(ws, post.id()), "a post that never waited has round 0");
        int first = sql.transaction(tx -> Approvals.hold(tx, ws, post.id()));
        int second = sql.transaction(tx -> Approvals.hold(tx, ws, post.id()));
        assertEquals(2, second);
        assertEquals(2, approvals.round(ws, post.id()));

        Approvals.Result stale = approvals.decide(ws, post.id(), first, ana.id(), Decision.APPROVED, null, at);
        assertFalse(stale.recorded(), "a decision on an older round was recorded");
        assertTrue(stale.stale());
        assertNull(stale.decided());
        Approvals.Result current = approvals.decide(ws, post.id(), second, ana.id(), Decision.APPROVED, "fine", at);
        assertTrue(current.recorded());
        assertEquals(Decision.APPROVED, current.decided().decision());
    }

    @Test
    void theAdminsAreTheApproversOfAnAccountWithNoneOfItsOwn() {
        AccountPolicies policies = new AccountPolicies(sql);
        ChatUser boss = workspaces.caller(FrontEnd.SLACK, "T-APPROVE", "U-BOSS", "Boss", true);
        workspaces.caller(FrontEnd.SLACK, "T-APPROVE", "U-BEA", "Bea", false);
        assertTrue(policies.of(ws, hook.id()).adminsApprove());
        assertEquals(List.of(boss.id()), policies.admins(ws).stream().map(ChatUser::id).toList());

        policies.setApprovers(ws, hook.id(), List.of(ana.id()));
        AccountPolicies.Policy own = policies.of(ws, hook.id());
        assertFalse(own.adminsApprove(), "an account with its own approver was left to the admins");
        assertTrue(own.approver(ana.id()));
        assertFalse(own.approver(boss.id()), "an admin approved an account that has its own approver");
    }

    @Test
    void aPersonIsFoundByChatIdOrNameAndAMentionedMemberIsRecordedOnce() {
        AccountPolicies policies = new AccountPolicies(sql);
        ChatUser dee = workspaces.caller(FrontEnd.SLACK, "T-APPROVE", "U-DEE", "Dee Dee");
        assertEquals(List.of(dee.id()), policies.named(ws, "dee dee").stream().map(ChatUser::id).toList());
        assertEquals(List.of(dee.id()), policies.named(ws, "U-DEE").stream().map(ChatUser::id).toList());
        assertEquals(List.of(), policies.named(ws, "Dee"));
        assertEquals(dee.id(), policies.person(ws, dee.id()).orElseThrow().id());

        ChatUser mentioned = policies.member(ws, "U-NEW");
        assertEquals("U-NEW", mentioned.externalId());
        assertEquals(mentioned.id(), policies.member(ws, "U-NEW").id(), "a member mentioned twice was recorded twice");
    }

    @Test
    void anApprovedPostIsQueuedForItsTime() {
        Approvals approvals = new Approvals(sql, pg.vault());
        Instant at = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Post post = new Posts(sql, pg.vault()).create(ws, ana.id(), "approve me", List.of(), at, null, List.of(hook));
        UUID target = post.targets().get(0).id();
        int round = sql.transaction(tx -> Approvals.hold(tx, ws, post.id()));
        sql.update("delete from scheduled_tasks where task_instance = ?", PublishQueue.instanceId(ws, target));
        Instant publishAt = at.plus(1, ChronoUnit.HOURS);

        assertTrue(approvals.decide(ws, post.id(), round, ana.id(), Decision.APPROVED, null, publishAt).recorded());
        assertEquals(List.of(publishAt), sql.list("select execution_time from scheduled_tasks where task_instance = ?",
                rs -> rs.getTimestamp(1).toInstant(), PublishQueue.instanceId(ws, target)), "an approved post would never go out");
        assertEquals(TargetState.SCHEDULED, new Posts(sql, pg.vault()).find(ws, post.id()).orElseThrow().targets().get(0).state());
    }
}
