package com.ailsocialautomation;

/**
 * Something the person can fix. The message is shown to them as is, so it must be one line,
 * say what was wrong and what to do, and never carry a secret.
 */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message, null, false, false);
    }
}
