package com.ailsocialautomation.net;

import com.ailsocialautomation.UserError;

/**
 * The URL passed the guard but its server could not be reached or did not answer in time. A
 * subclass so that the engine can retry it while the person still reads a plain reason.
 */
public final class UnreachableUrl extends UserError {
    public UnreachableUrl(String host, String reason) {
        super("Could not reach " + host + ": " + reason + ".");
    }
}
