package com.ailsocialautomation.command;

import com.ailsocialautomation.store.AccountPolicies;
import com.ailsocialautomation.store.PostingPolicy;
import com.ailsocialautomation.message.Reply;

import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.UserError;
import com.ailsocialautomation.media.MediaStore;
import com.ailsocialautomation.engine.Revoker;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Accounts;
import com.ailsocialautomation.store.Targets;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.EnumSet;
import java.util.Set;

/** accounts, connect and disconnect. */
public final class AccountCommands implements Handler {
    private final Accounts accounts;
    private final List<AccountLinker> linkers;
    private final Revoker revoker;
    private final Targets targets;
    private final NotSetUp notSetUp;
    private final MediaStore media;
    private final Disconnection disconnection;
    private final AccountPolicies policies;

    public AccountCommands(Accounts accounts, List<AccountLinker> linkers, Revoker revoker, Targets targets, MediaStore media) {
        this(accounts, linkers, revoker, targets, media, NotSetUp.NONE);
    }

    /** {@code notSetUp}: the platforms the operator could turn on, so that connecting one says how. */
    public AccountCommands(Accounts accounts, List<AccountLinker> linkers, Revoker revoker, Targets targets, MediaStore media,
                           NotSetUp notSetUp) {
        this(accounts, linkers, revoker, targets, media, notSetUp, null);
    }

    /** {@code policies}: each account's posting policy and approvers, shown by {@code accounts}; null shows none. */
    public AccountCommands(Accounts accounts, List<AccountLinker> linkers, Revoker revoker, Targets targets, MediaStore media,
                           NotSetUp notSetUp, AccountPolicies policies) {
        this.policies = policies;
        this.media = media;
        this.notSetUp = notSetUp;
        this.accounts = accounts;
        this.linkers = linkers;
        this.revoker = revoker;
        this.targets = targets;
        this.disconnection = new Disconnection(accounts, revoker, targets, media);
    }

    @Override
    public Set<Subcommand> serves() {
        return EnumSet.of(Subcommand.ACCOUNTS, Subcommand.CONNECT, Subcommand.DISCONNECT);
    }

    @Override
    public Reply handle(Caller caller, ParsedCommand command) {
        return switch (command.subcommand()) {
            case ACCOUNTS -> list(caller);
            case CONNECT -> connect(caller, command.arg(0).toLowerCase(Locale.ROOT), command.args().subList(1, command.args().size()),
                    command.option("name"));
            case DISCONNECT -> disconnect(caller, command.arg(0));
            default -> throw new IllegalArgumentException(command.name());
        };
    }

    private Reply list(Caller caller) {
        List<Account> all = accounts.list(caller.workspaceId());
        if (all.isEmpty()) {
            return Reply.of("No accounts are connected in this workspace yet. Connect one with `/ail connect mastodon <instance>` or `/ail connect webhook <https-url>`.");
        }
        StringBuilder sb = new StringBuilder("Connected accounts (" + all.size() + "):");
        for (Account a : all) {
            sb.append("\n• ").append(a.shortId()).append("  ").append(a.platform()).append("  ")
                    .append(a.named() ? "\"" + a.displayName() + "\" (" + a.handle() + ")" : a.handle() == null ? a.externalId() : a.handle())
                    .append("  ").append(a.active() ? "active" : "needs reconnect")
                    .append("  connected by ").append(a.ownerName() == null ? "someone who left" : a.ownerName());
            if (policies != null) {
                AccountPolicies.Policy policy = policies.of(caller.workspaceId(), a.id());
                sb.append("  posting:").append(policy.posting());
                if (policy.posting() == PostingPolicy.APPROVAL) {
                    sb.append(", approvers: ").append(AccountPolicyCommand.approvers(policy));
                }
            }
        }
        return Reply.of(sb.toString());
    }

    private Reply connect(Caller caller, String typed, List<String> arguments, String name) {
        // The parser only lets through the connect choices, Commands.PLATFORMS.
        Platform platform = Platform.of(typed);
        for (AccountLinker linker : linkers) {
            if (linker.platforms().contains(platform)) {
                return linker.start(caller, platform, arguments, name);
            }
        }
        TreeSet<String> available = new TreeSet<>();
        linkers.forEach(l -> l.platforms().forEach(p -> available.add(p.id())));
        throw notSetUp.refusal(platform, available);
    }

    private Reply disconnect(Caller caller, String reference) {
        Account account = AccountRefs.one(accounts, caller.workspaceId(), reference);
        if (!caller.admin() && !caller.user().id().equals(account.ownerUserId())) {
            throw new UserError("Only the person who connected " + account.label() + " or a workspace admin can disconnect it.");
        }
        // accounts connected through the same grant (a person's Facebook login) end with it: revoking it ends them all;
        // where the platform lets the others go on alone (LinkedIn Pages beside the profile), only this one ends
        List<Account> together = accounts.sameGrant(caller.workspaceId(), account.id());
        if (!together.isEmpty() && !revoker.sharedGrantEndsTogether(account)) {
            Disconnection.Done done = disconnection.disconnect(account, false);
            return Reply.of("Disconnected " + account.label() + ". Its tokens are deleted; the " + account.platform().displayName()
                    + " sign-in stays, because " + String.join(", ", together.stream().map(Account::label).toList())
                    + (together.size() == 1 ? " still posts" : " still post") + " through it (disconnect those too to give it back)."
                    + (done.cancelled() == 0 ? "" : " " + done.cancelled() + " scheduled " + (done.cancelled() == 1 ? "post to it was" : "posts to it were") + " cancelled."));
        }
        Disconnection.Done done = disconnection.disconnect(account, true);
        int cancelled = done.cancelled();
        for (Account other : together) {
            cancelled += disconnection.disconnect(other, false).cancelled();
        }
        String also = together.isEmpty() ? "" : " Also disconnected, as they were connected through the same "
                + account.platform().displayName() + " login that AIL gave back: "
                + String.join(", ", together.stream().map(Account::label).toList()) + ".";
        return Reply.of("Disconnected " + account.label() + ". Its tokens are deleted"
                + (done.revoked() ? "" : "; revoking them at " + account.platform() + " failed for now and will be retried")
                + "." + (cancelled == 0 ? "" : " " + cancelled + " scheduled " + (cancelled == 1 ? "post to it was" : "posts to it were") + " cancelled.")
                + also);
    }
}
