package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.message.Reply;
import com.ailsocialautomation.message.Worded;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.AccountPolicies;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.ChatUser;
import com.ailsocialautomation.store.PostingPolicy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /ail account <account> posting:anyone|approval|owner-and-admins approvers:@a,@b}: who may post to an account
 * and who approves, set by the person who connected it or a workspace admin. A Slack mention ({@code <@U123>},
 * {@code <@U123|ana>}) or a Discord one ({@code <@123>}, {@code <@!123>}) names a person of this workspace; a plain
 * {@code @name} one AIL already knows here; {@code approvers:admins} goes back to the default.
 */
public final class AccountPolicyCommand implements Handler, Action {
    /** A chat mention; group 1 is the chat user id. */
    private static final Pattern MENTION = Pattern.compile("<@!?([A-Za-z0-9]+)(?:\\|[^>]*)?>");
    static final String ADMINS = "admins";
    /** The most approvers one account takes: each named one is looked up (a mention is recorded as a person). */
    public static final int MAX_APPROVERS = 25;
    /** The form of {@code /ail account} given without an account (Slack): the account is picked in it. */
    public static final String SETTINGS = "account-settings";
    private static final String ACCOUNT = "account";

    private final Accounts accounts;
    private final AccountPolicies policies;

    public AccountPolicyCommand(Accounts accounts, AccountPolicies policies) {
        this.accounts = accounts;
        this.policies = policies;
    }

    @Override
    public Set<Subcommand> serves() {
        return EnumSet.of(Subcommand.ACCOUNT);
    }

    @Override
    public Reply handle(Caller caller, ParsedCommand command) {
        Account account = AccountRefs.one(accounts, caller.workspaceId(), command.arg(0));
        String posting = command.option("posting");
        String approvers = command.option("approvers");
        if (posting != null || approvers != null) {
            if (!caller.admin() && !caller.user().id().equals(account.ownerUserId())) {
                throw new UserError("Only " + (account.ownerName() == null ? "the person who connected " + account.label() : account.ownerName())
                        + " or a workspace admin can change who may post to " + account.label() + ".");
            }
            List<UUID> people = approvers == null ? null : people(caller, approvers);
            if (posting != null) {
                policies.setPosting(caller.workspaceId(), account.id(), Worded.find(PostingPolicy.class, posting.strip().toLowerCase(java.util.Locale.ROOT))
                        .orElseThrow(() -> new UserError("posting: takes " + String.join(", ", Worded.words(PostingPolicy.class)) + ".")));
            }
            if (people != null) {
                policies.setApprovers(caller.workspaceId(), account.id(), people);
            }
        }
        AccountPolicies.Policy policy = policies.of(caller.workspaceId(), account.id());
        Reply reply = Reply.of((posting == null && approvers == null ? "" : "Saved. ") + describe(account, policy));
        return posting == null && approvers == null && caller.picksInForms() ? reply.withForm(form(account, policy)) : reply;
    }

    /** The same settings as a form whose submission runs this command with posting: and approvers:. */
    static Reply.Form form(Account account, AccountPolicies.Policy policy) {
        return new Reply.Form("Who may post", Subcommand.ACCOUNT.word() + ":" + account.shortId(), List.of(
                posting("Who may post to " + account.label(), policy.posting()),
                approvers(policy.adminsApprove() ? List.of() : policy.approvers().stream().map(ChatUser::externalId).toList())));
    }

    private static Reply.Input posting(String label, PostingPolicy current) {
        return Reply.Input.oneOf("posting", label, Worded.words(PostingPolicy.class), current.word());
    }

    private static Reply.Input approvers(List<String> current) {
        return Reply.Input.people("approvers", "Approvers (when posting is approval)", current, ADMINS);
    }

    /**
     * {@link #SETTINGS}: without values, the form with a pick of the workspace's accounts; submitted, this command
     * for the account picked.
     */
    @Override
    public Reply perform(Caller caller, String arg, Map<String, String> values) {
        List<Account> all = accounts.list(caller.workspaceId());
        if (values.isEmpty()) {
            if (all.isEmpty()) {
                throw new UserError("This workspace has no connected accounts yet; `/ail connect` adds one.");
            }
            return Reply.of("Pick the account and who may post to it.").withForm(new Reply.Form("Who may post", SETTINGS, List.of(
                    Reply.Input.oneOf(ACCOUNT, "Account", all.stream().map(Account::label).toList(), null),
                    posting("Who may post to it", PostingPolicy.ANYONE), approvers(List.of()))));
        }
        Account account = all.stream().filter(a -> a.label().equals(values.get(ACCOUNT))).findFirst()
                .orElseThrow(() -> new UserError("Pick an account: `/ail accounts` lists them."));
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (String key : List.of("posting", "approvers")) {
            String value = values.get(key);
            if (value != null && !value.isBlank()) {
                options.put(key, List.of(value));
            }
        }
        return handle(caller, CommandParser.fromOptions(Subcommand.ACCOUNT.word(), List.of(account.shortId()), options, null));
    }

    /** "a3f9 @ana@fosstodon.org: posting:approval, approvers: Bo, Cy" */
    static String describe(Account account, AccountPolicies.Policy policy) {
        return account.label() + ": posting:" + policy.posting() + ", approvers: " + approvers(policy) + ".";
    }

    static String approvers(AccountPolicies.Policy policy) {
        return policy.adminsApprove() ? "the workspace admins" : String.join(", ", policy.approvers().stream()
                .map(u -> u.displayName() == null ? "<@" + u.externalId() + ">" : u.displayName()).toList());
    }

    /** The people an approvers: list names, each of this workspace; empty for {@code admins}. */
    private List<UUID> people(Caller caller, String list) {
        if (list.strip().equalsIgnoreCase(ADMINS)) {
            return List.of();
        }
        String[] parts = list.strip().split("[,\\s]+");
        if (parts.length > MAX_APPROVERS) {
            throw new UserError("An account takes at most " + MAX_APPROVERS + " approvers (" + parts.length
                    + " given); name fewer, or approvers:admins for the workspace's admins.");
        }
        Map<UUID, ChatUser> found = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String part : parts) {
            String typed = part.strip();
            if (typed.isEmpty()) {
                continue;
            }
            Matcher mention = MENTION.matcher(typed);
            if (mention.matches()) {
                ChatUser user = policies.member(caller.workspaceId(), mention.group(1));
                found.put(user.id(), user);
                continue;
            }
            List<ChatUser> named = policies.named(caller.workspaceId(), typed.startsWith("@") ? typed.substring(1) : typed);
            if (named.size() == 1) {
                found.put(named.get(0).id(), named.get(0));
            } else {
                unknown.add(typed);
            }
        }
        if (!unknown.isEmpty()) {
            throw new UserError("AIL does not know " + String.join(", ", unknown) + " in this workspace: mention them (type @ and pick "
                    + "the person) so the chat sends their id, or use a name shown by `/ail accounts`; approvers:admins goes back to the admins.");
        }
        if (found.isEmpty()) {
            throw new UserError("approvers: takes people, e.g. approvers:@ana,@bo, or approvers:admins.");
        }
        return List.copyOf(found.keySet());
    }
}
