package com.ailsocialautomation.wiring;

/** Start-up failed for a reason the operator can act on; the message is one line without secrets. */
public final class StartError extends RuntimeException {
    public StartError(String message, Throwable cause) {
        super(message, cause);
    }

    /** The first line of the innermost cause: what the operator can act on. */
    public static String firstLineOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message).trim();
    }
}
