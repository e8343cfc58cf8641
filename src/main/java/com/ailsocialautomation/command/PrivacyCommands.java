package com.ailsocialautomation.command;

import com.ailsocialautomation.message.Reply;

import com.ailsocialautomation.privacy.DataExport;
import com.ailsocialautomation.privacy.Erased;
import com.ailsocialautomation.privacy.ForgetMe;

import java.util.Map;
import java.util.EnumSet;
import java.util.Set;

/**
 * my-data, forget-me, and the {@code confirm-forget-me:<token>} button that forget-me offers. Only the caller's own
 * data is ever exported or erased, whatever their rights in the workspace.
 */
public final class PrivacyCommands implements Handler, Action {
    public static final String CONFIRM = "confirm-forget-me";

    private final ForgetMe forgetMe;
    private final DataExport export;

    public PrivacyCommands(ForgetMe forgetMe, DataExport export) {
        this.forgetMe = forgetMe;
        this.export = export;
    }

    @Override
    public Set<Subcommand> serves() {
        return EnumSet.of(Subcommand.MY_DATA, Subcommand.FORGET_ME);
    }

    @Override
    public Reply handle(Caller caller, ParsedCommand command) {
        return switch (command.subcommand()) {
            case MY_DATA -> myData(caller);
            case FORGET_ME -> preview(caller);
            default -> throw new IllegalArgumentException(command.name());
        };
    }

    private Reply myData(Caller caller) {
        DataExport.Export done = export.export(caller.workspaceId(), caller.user().id());
        return Reply.of("Here is everything AIL stores about you in this workspace: your settings, " + count(done.posts(), "post")
                        + " with their publish logs, and " + count(done.accounts(), "account") + " you connected. "
                        + "Tokens and secrets are never exported.")
                .withFile(new Reply.File(done.fileName(), "application/json", done.json()));
    }

    private Reply preview(Caller caller) {
        ForgetMe.Preview p = forgetMe.preview(caller.workspaceId(), caller.user().id());
        return Reply.of("This erases everything AIL stores about you in " + p.workspace() + ", and cannot be undone. "
                        + "Your scheduled posts are cancelled first, and the tokens of the accounts you connected are revoked "
                        + "at their platforms. Posts already published stay on the platforms. "
                        + "One audit record remains: a salted hash of your id, the time and the counts below.")
                .withField("Workspace", p.workspace())
                .withField("Posts", Integer.toString(p.posts()))
                .withField("Scheduled posts (cancelled)", Integer.toString(p.scheduledPosts()))
                .withField("Connected accounts (disconnected for everyone)", Integer.toString(p.accounts()))
                .withButton("Erase my data", CONFIRM + ":" + p.token(), Reply.Button.Style.DANGER);
    }

    /** The button: erases the caller's data if the token is theirs and still valid. */
    @Override
    public Reply perform(Caller caller, String token, Map<String, String> values) {
        Erased e = forgetMe.confirm(caller.workspaceId(), caller.user().id(), token);
        String pending = e.revocationsPending() == 0 ? ""
                : " Revoking " + count(e.revocationsPending(), "token") + " failed for now; AIL keeps retrying it without any link to you.";
        return Reply.of("Done: AIL erased your data in " + e.workspace() + "." + pending)
                .withField("Posts", e.posts() + (e.scheduledPosts() == 0 ? "" : " (" + e.scheduledPosts() + " scheduled, cancelled)"))
                .withField("Connected accounts", Integer.toString(e.accounts()))
                .withField("Publish log entries", Integer.toString(e.publishLogs()))
                .withField("Notifications", Integer.toString(e.notifications()))
                .withField("Media copies", Integer.toString(e.mediaCopies()))
                .withField("Connection links and OAuth states", Integer.toString(e.connectLinks() + e.oauthStates()))
                .withField("Technical data records", Integer.toString(e.technicalData()));
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
