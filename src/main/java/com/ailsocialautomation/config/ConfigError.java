package com.ailsocialautomation.config;

/** A bad setting. The message names the variable and says what is expected; it never contains the value of a secret. */
public final class ConfigError extends RuntimeException {
    private final String variable;

    public ConfigError(String variable, String problem) {
        super(variable + " " + problem, null, false, false);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
