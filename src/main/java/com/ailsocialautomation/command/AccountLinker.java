package com.ailsocialautomation.command;

import java.util.Set;

/** Starts connecting an account: an OAuth link, an app-password prompt, or a direct connection (webhook). */
public interface AccountLinker {
    /** The platforms this linker connects. */
    Set<String> platforms();

    /** Begins the connection for the caller; the reply is only for them. */
    Reply start(Caller caller, String platform, String argument);
}
