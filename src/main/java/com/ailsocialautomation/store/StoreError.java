package com.ailsocialautomation.store;

import java.sql.SQLException;

/** A database failure. The message carries PostgreSQL's SQL state, never row contents. */
public final class StoreError extends RuntimeException {
    public StoreError(SQLException cause) {
        super("Database error (SQL state " + cause.getSQLState() + ")", cause);
    }
}
