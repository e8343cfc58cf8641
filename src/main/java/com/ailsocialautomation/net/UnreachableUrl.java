package com.ailsocialautomation.net;

import com.ailsocialautomation.UserError;

/**
 * The URL passed the guard but its server could not be reached or did not answer in time. A
 * subclass so that the engine can retry it while the person still reads a plain reason.
 */
public final class UnreachableUrl extends UserError {
    private final boolean mayHaveArrived;

    /** A failure before the request left (connection refused, DNS, TLS handshake): repeating it is harmless. */
    public UnreachableUrl(String host, String reason) {
        this(host, reason, false);
    }

    public UnreachableUrl(String host, String reason, boolean mayHaveArrived) {
        super("Could not reach " + host + ": " + reason + ".");
        this.mayHaveArrived = mayHaveArrived;
    }

    /** True when the request had started to go out, so the server may have acted on it without answering. */
    public boolean mayHaveArrived() {
        return mayHaveArrived;
    }
}
