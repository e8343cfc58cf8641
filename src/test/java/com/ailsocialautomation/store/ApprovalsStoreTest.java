package com.ailsocialautomation.store;

import com.ailsocialautomation.message.FrontEnd;
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
    static StoreWorld world;
    static Account hook;

    @BeforeAll
    static void workspace() {
        world = new StoreWorld(pg, "T-APPROVE", "Approve Inc");
        hook = world.hook("a");
    }

    @Test
    void aDecisionCountsOnlyForTheRoundThePostIsIn() {
        Approvals approvals = new Approvals(world.sql, pg.vault());
        Instant at = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Post post = world.posts.create(world.ws, world.ana.id(), "needs a yes", List.of(), at, null, List.of(hook));
        assertEquals(0, approvals.round(world.ws, post.id()), "a post that never waited has round 0");
        int first = world.sql.transaction(tx -> Approvals.hold(tx, world.ws, post.id()));
        int second = world.sql.transaction(tx -> Approvals.hold(tx, world.ws, post.id()));
        assertEquals(2, second);
        assertEquals(2, approvals.round(world.ws, post.id()));

        Approvals.Result stale = approvals.decide(world.ws, post.id(), first, world.ana.id(), Decision.APPROVED, null, at);
        assertFalse(stale.recorded(), "a decision on an older round was recorded");
        assertTrue(stale.stale());
        assertNull(stale.decided());
        Approvals.Result current = approvals.decide(world.ws, post.id(), second, world.ana.id(), Decision.APPROVED, "fine", at);
        assertTrue(current.recorded());
        assertEquals(Decision.APPROVED, current.decided().decision());
    }

    @Test
    void theAdminsAreTheApproversOfAnAccountWithNoneOfItsOwn() {
        AccountPolicies policies = new AccountPolicies(world.sql);
        ChatUser boss = world.workspaces.caller(FrontEnd.SLACK, "T-APPROVE", "U-BOSS", "Boss", true);
        world.workspaces.caller(FrontEnd.SLACK, "T-APPROVE", "U-BEA", "Bea", false);
        assertTrue(policies.of(world.ws, hook.id()).adminsApprove());
        assertEquals(List.of(boss.id()), policies.admins(world.ws).stream().map(ChatUser::id).toList());

        policies.setApprovers(world.ws, hook.id(), List.of(world.ana.id()));
        AccountPolicies.Policy own = policies.of(world.ws, hook.id());
        assertFalse(own.adminsApprove(), "an account with its own approver was left to the admins");
        assertTrue(own.approver(world.ana.id()));
        assertFalse(own.approver(boss.id()), "an admin approved an account that has its own approver");
    }

    @Test
    void aPersonIsFoundByChatIdOrNameAndAMentionedMemberIsRecordedOnce() {
        AccountPolicies policies = new AccountPolicies(world.sql);
        ChatUser dee = world.workspaces.caller(FrontEnd.SLACK, "T-APPROVE", "U-DEE", "Dee Dee");
        assertEquals(List.of(dee.id()), policies.named(world.ws, "dee dee").stream().map(ChatUser::id).toList());
        assertEquals(List.of(dee.id()), policies.named(world.ws, "U-DEE").stream().map(ChatUser::id).toList());
        assertEquals(List.of(), policies.named(world.ws, "Dee"));
        assertEquals(dee.id(), policies.person(world.ws, dee.id()).orElseThrow().id());

        ChatUser mentioned = policies.member(world.ws, "U-NEW");
        assertEquals("U-NEW", mentioned.externalId());
        assertEquals(mentioned.id(), policies.member(world.ws, "U-NEW").id(), "a member mentioned twice was recorded twice");
    }

    @Test
    void anApprovedPostIsQueuedForItsTime() {
        Approvals approvals = new Approvals(world.sql, pg.vault());
        Instant at = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Post post = world.posts.create(world.ws, world.ana.id(), "approve me", List.of(), at, null, List.of(hook));
        UUID target = post.targets().get(0).id();
        int round = world.sql.transaction(tx -> Approvals.hold(tx, world.ws, post.id()));
        world.sql.update("delete from scheduled_tasks where task_instance = ?", PublishQueue.instanceId(world.ws, target));
        Instant publishAt = at.plus(1, ChronoUnit.HOURS);

        assertTrue(approvals.decide(world.ws, post.id(), round, world.ana.id(), Decision.APPROVED, null, publishAt).recorded());
        assertEquals(List.of(publishAt), world.sql.list("select execution_time from scheduled_tasks where task_instance = ?",
                rs -> rs.getTimestamp(1).toInstant(), PublishQueue.instanceId(world.ws, target)), "an approved post would never go out");
        assertEquals(TargetState.SCHEDULED, world.posts.find(world.ws, post.id()).orElseThrow().targets().get(0).state());
    }
}
