package com.ailsocialautomation.message;

import java.util.Locale;

/** The chat front ends people reach AIL through. Stored (workspaces.front_end) and audited as {@link #id()}. */
public enum FrontEnd {
    SLACK("Slack"), DISCORD("Discord"), CONSOLE("AIL console");

    private final String displayName;

    FrontEnd(String displayName) {
        this.displayName = displayName;
    }

    /** The lower-case id the database and the audit subjects use: slack, discord, console. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** As people read it: Slack, Discord, AIL console. */
    public String displayName() {
        return displayName;
    }

    @Override
    public String toString() {
        return id();
    }

    /** The front end stored as {@code id}. */
    public static FrontEnd of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
