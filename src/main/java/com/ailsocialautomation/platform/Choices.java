package com.ailsocialautomation.platform;

import java.util.List;

/**
 * What a connection offers to choose ({@link Provider#offer}): the accounts, and why some could not be offered, in a
 * line the person reads when they connect ("LinkedIn did not let AIL list your Pages..."), or null.
 */
public record Choices(List<AccountChoice> accounts, String note) {
    public Choices {
        accounts = List.copyOf(accounts);
    }
}
