package com.ailsocialautomation.command;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The closed set of /ail subcommands. The word a person types is declared here once; {@link Commands} describes
 * each one and every {@link Handler} names the ones it serves.
 */
public enum Subcommand {
    HELP("help"), CONNECT("connect"), ACCOUNTS("accounts"), DISCONNECT("disconnect"), POST("post"),
    SCHEDULE("schedule"), DRAFT("draft"), LIST("list"), SHOW("show"), CANCEL("cancel"), RETRY("retry"), EDIT("edit"),
    RESCHEDULE("reschedule"), TIMEZONE("timezone"), NOTIFY("notify"), MY_DATA("my-data"), FORGET_ME("forget-me"),
    QUEUE("queue"), IMPORT("import"), EXPORT("export"), ACCOUNT("account"), APPROVE("approve"), REJECT("reject"),
    REQUEST_CHANGES("request-changes");

    private final String word;

    Subcommand(String word) {
        this.word = word;
    }

    /** What a person types after /ail, e.g. {@code my-data}. */
    public String word() {
        return word;
    }

    /** The subcommand for a typed word in any case, if there is one. */
    public static Optional<Subcommand> find(String word) {
        String key = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.word.equals(key)).findFirst();
    }

    @Override
    public String toString() {
        return word;
    }
}
