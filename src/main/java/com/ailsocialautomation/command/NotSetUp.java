package com.ailsocialautomation.command;

import com.ailsocialautomation.UserError;
import com.ailsocialautomation.platform.Platform;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Platforms AIL can publish to that this server has not been set up for, with the variables the operator sets to
 * turn each on. {@code connect} on one of them tells the person to ask their operator, and what the operator sets,
 * instead of only listing what is available.
 */
public record NotSetUp(Map<Platform, List<String>> variables) {
    public static final NotSetUp NONE = new NotSetUp(Map.of());

    public NotSetUp {
        variables = Map.copyOf(variables);
    }

    /** The refusal for {@code connect <platform>}; {@code available} are the platforms that can be connected here. */
    UserError refusal(Platform platform, Set<String> available) {
        String availableHere = " Available here: " + String.join(", ", available) + ".";
        List<String> needed = variables.get(platform);
        if (needed == null) {
            return new UserError("Connecting " + platform + " is not available on this server." + availableHere);
        }
        return new UserError("Connecting " + platform + " is not set up on this server yet: ask your AIL operator to turn it on. "
                + "(Operator: register an app with " + platform.displayName() + " and set " + String.join(" and ", needed)
                + "; the README's \"From zero to a real post\" shows how.)" + availableHere);
    }
}
