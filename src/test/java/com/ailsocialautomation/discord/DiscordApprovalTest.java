package com.ailsocialautomation.discord;

import com.ailsocialautomation.Json;
import com.ailsocialautomation.command.CommandService;
import com.ailsocialautomation.command.Invocation;
import com.ailsocialautomation.config.Secret;
import com.ailsocialautomation.message.FrontEnd;
import com.ailsocialautomation.message.PlatformId;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.NewAccount;
import com.ailsocialautomation.store.PostStatus;
import com.ailsocialautomation.store.StoredTokens;
import com.ailsocialautomation.testing.PostgresExtension;
import com.ailsocialautomation.testing.QueuedMessages;
import com.ailsocialautomation.testing.Units;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Approval in a Discord server with the real command layer over a real database: the server's admins approve by
 * default (Manage Server, seen when they used /ail there), a member mentioned with {@code <@id>} becomes an approver,
 * and the DM's Approve button, pressed in the DM (where Discord cannot say who is an admin of the server) and read by
 * a new set of listeners (a restart: nothing kept in memory), decides the post; anyone else is refused.
 */
class DiscordApprovalTest {
    @RegisterExtension
    static final PostgresExtension pg = new PostgresExtension();
    /** A server of its own: the test database is shared with the other Discord tests, which use Events.GUILD. */
    static final String GUILD = "900000000000000077";
    static final String OLGA = "100000000000000011";
    static final String BOSS = "100000000000000012";
    static final String CAL = "100000000000000013";
    static final String DEE = "100000000000000014";
    static Units units;
    static CommandService commands;
    static Account brand;
    static UUID ws;

    @BeforeAll
    static void start() {
        units = Units.over(pg).build();
        commands = units.commandLayer.commands;
        ws = units.store.workspaces.ensure(FrontEnd.DISCORD, GUILD, null);
        ChatUser owner = units.store.workspaces.ensureUser(ws, OLGA, "Olga");
        brand = units.store.accounts.connect(ws, owner.id(), new NewAccount(PlatformId.WEBHOOK, "hook-" + UUID.randomUUID(),
                "brand.example/hook", "brand.example/hook", null, "http://127.0.0.1:9/brand", null, null),
                new StoredTokens(Secret.of("whsec_test"), null, null, null));
        say(BOSS, true, "accounts"); // the server's admin uses /ail once
    }

    @AfterAll
    static void stop() {
        units.close();
    }

    static String say(String user, boolean manageServer, String line) {
        Invocation in = new Invocation(FrontEnd.DISCORD, GUILD, user, "member " + user.substring(user.length() - 2),
                manageServer, null, DiscordCallers.origin(Events.CHANNEL));
        return commands.run(in, line).toPlainText();
    }

    static String postId(String reply) {
        Matcher m = Pattern.compile("Post (p[a-z2-9]{4})").matcher(reply);
        assertTrue(m.find(), reply);
        return m.group(1);
    }

    static Reply request(String user, String shortId) throws Exception {
        UUID id = units.store.sql.one("select id from chat_users where workspace_id = ? and external_id = ?",
                rs -> rs.getObject(1, UUID.class), ws, user).orElseThrow();
        String json = QueuedMessages.of(units.store.sql, pg.vault(), id).stream()
                .filter(m -> m.contains("Approval needed") && m.contains(shortId)).findFirst().orElseThrow();
        return Json.MAPPER.readValue(json, Reply.class);
    }

    /** Presses, in a DM, the button labelled {@code label} of {@code message} as shown to {@code user} by {@code shown}. */
    static String press(Rig shown, Rig listening, Reply message, String user, String label) {
        List<Button> buttons = InteractionsTest.buttons(shown.messages.create(message, GUILD, user).getComponents());
        String customId = buttons.stream().filter(b -> b.getLabel().equals(label)).findFirst().orElseThrow().getCustomId();
        ButtonInteractionEvent click = Events.by(mock(ButtonInteractionEvent.class), user, null, false);
        Events.Answers answers = Events.answers(click);
        when(click.getComponentId()).thenReturn(customId);
        listening.buttons.onButtonInteraction(click);
        ArgumentCaptor<MessageEditData> data = ArgumentCaptor.forClass(MessageEditData.class);
        verify(answers.hook).editOriginal(data.capture());
        return data.getValue().getContent();
    }

    @Test
    void theServersAdminApprovesFromTheDmAfterARestartAndOthersAreRefused() throws Exception {
        assertTrue(say(CAL, false, "account " + brand.shortId() + " posting:approval").contains("or a workspace admin can change who may post"));
        assertTrue(say(OLGA, false, "account " + brand.shortId() + " posting:approval").contains("approvers: the workspace admins"));
        String id = postId(say(CAL, false, "schedule in:3h to:" + brand.shortId() + " From the Discord team"));
        assertEquals(PostStatus.PENDING_APPROVAL, units.store.posts.find(ws, id).orElseThrow().status());
        Reply dm = request(BOSS, id);
        assertEquals(List.of("Approve", "Request changes", "Reject"), dm.buttons().stream().map(Reply.Button::label).toList());

        assertTrue(say(DEE, false, "approve " + id).contains("Only member 12 can decide post " + id));
        Rig before = new Rig(commands, true);
        Rig after = new Rig(commands, true); // new listeners, nothing in memory: the ids carry everything
        String approved = press(before, after, dm, BOSS, "Approve");
        assertTrue(approved.contains("Approved post " + id), approved);
        assertEquals(PostStatus.SCHEDULED, units.store.posts.find(ws, id).orElseThrow().status());
    }

    @Test
    void aMentionedMemberBecomesTheApproverAndRejectsWithANote() throws Exception {
        Account second = units.store.accounts.connect(ws, units.store.workspaces.ensureUser(ws, OLGA, "Olga").id(),
                new NewAccount(PlatformId.WEBHOOK, "hook-" + UUID.randomUUID(), "news.example/hook", "news.example/hook", null,
                        "http://127.0.0.1:9/news", null, null), new StoredTokens(Secret.of("whsec_test"), null, null, null));
        String set = say(OLGA, false, "account " + second.shortId() + " posting:approval approvers:<@" + DEE + ">");
        assertTrue(set.contains("posting:approval"), set);
        String id = postId(say(CAL, false, "schedule in:2h to:" + second.shortId() + " News for the server"));
        Reply dm = request(DEE, id);
        Rig rig = new Rig(commands, true);
        assertTrue(press(rig, rig, dm, DEE, "Request changes").contains("add a note for them in the form"));
        Reply noteless = Reply.of("").withButton("Request changes without a note", "decide:changes-now." + id + ".1",
                Reply.Button.Style.DEFAULT);
        assertTrue(press(rig, new Rig(commands, true), noteless, DEE, "Request changes without a note").contains("Asked"));
        assertTrue(say(BOSS, true, "reject " + id + " Not now").contains("Only"), "an admin is not an approver of a listed account");
        assertTrue(say(DEE, false, "show " + id).contains("changes requested by"));
    }
}
