package com.ailsocialautomation.platform;

import com.ailsocialautomation.message.PostOption;
import com.ailsocialautomation.message.PostOptions;
import com.ailsocialautomation.message.Privacy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which per-platform post options a platform uses, and which privacy values it has (in the order its own settings
 * list them). Part of its {@link PostRule}: the command layer refuses an option no target uses, and a privacy value
 * a target does not have, before anything is kept.
 */
public record OptionRule(Set<PostOption> options, List<Privacy> privacy, Privacy privacyByDefault) {
    public static final OptionRule NONE = new OptionRule(Set.of(), List.of());

    /**
     * @param privacyByDefault what AIL sets when a post gives no privacy: (YouTube: private, and the reply says so);
     *                         null where the platform's own default applies
     */
    public OptionRule {
        options = options.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(options));
        privacy = List.copyOf(privacy);
        if (options.contains(PostOption.PRIVACY) == privacy.isEmpty()) {
            throw new IllegalArgumentException("a platform that uses privacy: names the values it has, and only then");
        }
        if (privacyByDefault != null && !privacy.contains(privacyByDefault)) {
            throw new IllegalArgumentException("a default privacy is one of the platform's values");
        }
    }

    public OptionRule(Set<PostOption> options, List<Privacy> privacy) {
        this(options, privacy, null);
    }

    /** The same, with AIL setting {@code value} when a post gives no privacy. */
    public OptionRule byDefault(Privacy value) {
        return new OptionRule(options, privacy, value);
    }

    public static OptionRule of(PostOption... options) {
        return new OptionRule(Set.of(options), List.of());
    }

    /** The same, also taking privacy: with these values. */
    public OptionRule withPrivacy(Privacy... values) {
        Set<PostOption> all = EnumSet.of(PostOption.PRIVACY);
        all.addAll(options);
        return new OptionRule(all, List.of(values));
    }

    public boolean uses(PostOption option) {
        return options.contains(option);
    }

    /** What this platform cannot do with the options given, each a clause naming {@code who}; empty when none. */
    public List<String> problems(PostOptions given, String who) {
        if (given.privacy() == null || !uses(PostOption.PRIVACY) || privacy.contains(given.privacy())) {
            return List.of();
        }
        return List.of("privacy:" + given.privacy().word() + " is not a setting of " + who + ", which takes "
                + privacy.stream().map(Privacy::word).collect(Collectors.joining(", ")));
    }
}
