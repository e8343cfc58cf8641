package com.ailsocialautomation.store;

/** A ciphertext or keyset that cannot be opened. The message names where, never what. */
public final class VaultError extends RuntimeException {
    public VaultError(String message) {
        super(message, null, false, false);
    }
}
