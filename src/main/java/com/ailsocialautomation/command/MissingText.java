package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;

/**
 * The command needs free text and has none. It carries what was parsed so that a front end can open a form
 * instead (Slack opens a modal for {@code /ail post} and {@code /ail schedule} without text, prefilled with
 * the options given).
 */
public class MissingText extends UserError {
    private final transient ParsedCommand partial;

    public MissingText(String message, ParsedCommand partial) {
        super(message);
        this.partial = partial;
    }

    public ParsedCommand partial() {
        return partial;
    }
}
