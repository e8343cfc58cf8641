package com.ailsocialautomation.command;

import com.ailsocialautomation.message.Reply;

/** One subcommand (or a family of closely related ones). */
public interface Handler {
    /** Executes the command for the caller; throws UserError for anything the caller can fix. */
    Reply handle(Caller caller, ParsedCommand command);
}
