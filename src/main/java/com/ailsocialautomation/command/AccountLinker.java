package com.ailsocialautomation.command;

import com.ailsocialautomation.message.Reply;

import com.ailsocialautomation.platform.Platform;
import com.ailsocialautomation.UserError;

import java.util.List;
import java.util.Set;

/** Starts connecting an account: an OAuth link, an app-password prompt, or a direct connection (webhook). */
public interface AccountLinker {
    /** The platforms this linker connects. */
    Set<Platform> platforms();

    /** Begins the connection for the caller; the reply is only for them. */
    Reply start(Caller caller, Platform platform, String argument);

    /**
     * Begins the connection with every argument after the platform ({@code connect bluesky <handle> [pds-url]}).
     * Linkers that take at most one argument need not override this.
     */
    default Reply start(Caller caller, Platform platform, List<String> arguments, String name) {
        if (name != null) {
            throw new UserError("name: is for webhooks only; " + platform.displayName() + " accounts are listed by their handle.");
        }
        return start(caller, platform, arguments);
    }

    /** As {@link #start(Caller, Platform, List, String)} without a name. */
    default Reply start(Caller caller, Platform platform, List<String> arguments) {
        if (arguments.size() > 1) {
            throw new UserError("Connecting " + platform + " takes one argument after the platform, not "
                    + arguments.size() + ". `/ail help connect` shows how.");
        }
        return start(caller, platform, arguments.isEmpty() ? null : arguments.get(0));
    }
}
