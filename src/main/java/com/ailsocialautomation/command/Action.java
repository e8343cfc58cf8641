package com.ailsocialautomation.command;

import com.ailsocialautomation.message.Reply;

import java.util.Map;

/**
 * Something a button or a form does that is not a plain subcommand (confirming forget-me, submitting an app
 * password). Registered by name; the action id {@code name:arg} carries the argument.
 */
public interface Action {
    /** @param values form input values by id; empty for a button */
    Reply perform(Caller caller, String arg, Map<String, String> values);
}
