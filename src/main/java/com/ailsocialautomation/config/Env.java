package com.ailsocialautomation.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads typed settings from the environment. Values written as {@code ENC(...)} are decrypted with
 * Jasypt under {@code AIL_CONFIG_PASSWORD}. Every failure is a {@link ConfigError} naming the variable.
 */
final class Env {
    private final Map<String, String> vars;
    private final ConfigCipher cipher;

    Env(Map<String, String> vars) {
        this.vars = vars;
        String password = blankToNull(vars.get("AIL_CONFIG_PASSWORD"));
        this.cipher = password == null ? null : new ConfigCipher(Secret.of(password));
    }

    String string(String name) {
        String raw = blankToNull(vars.get(name));
        if (raw == null || !ConfigCipher.isEncrypted(raw)) {
            return raw;
        }
        if (cipher == null) {
            throw new ConfigError(name, "is an ENC(...) value but AIL_CONFIG_PASSWORD is not set; set it to the password the value was encrypted with");
        }
        try {
            return cipher.decrypt(raw);
        } catch (RuntimeException e) {
            throw new ConfigError(name, "is an ENC(...) value that AIL_CONFIG_PASSWORD does not decrypt; re-create it with `java -jar ail.jar encrypt-config`");
        }
    }

    String string(String name, String fallback) {
        String value = string(name);
        return value == null ? fallback : value;
    }

    Secret secret(String name) {
        return Secret.ofNullable(string(name));
    }

    int integer(String name, int fallback, int min, int max) {
        String raw = string(name);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigError(name, "must be a whole number from " + min + " to " + max + ", got '" + abbreviate(raw) + "'");
        }
    }

    boolean bool(String name, boolean fallback) {
        String raw = string(name);
        if (raw == null) {
            return fallback;
        }
        return switch (raw.trim().toLowerCase()) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new ConfigError(name, "must be true or false, got '" + abbreviate(raw) + "'");
        };
    }

    /** A base64 key of at least {@code minBytes} bytes. The message never repeats the value. */
    Secret key(String name, int minBytes) {
        String raw = string(name);
        if (raw == null) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(raw.trim());
        } catch (IllegalArgumentException e) {
            throw new ConfigError(name, "must be base64 (generate one with `openssl rand -base64 32`)");
        }
        if (bytes.length < minBytes) {
            throw new ConfigError(name, "is too short: it decodes to " + bytes.length + " bytes, at least " + minBytes
                    + " are needed (generate one with `openssl rand -base64 32`)");
        }
        return Secret.of(raw.trim());
    }

    Path readableFile(String name) {
        String raw = string(name);
        if (raw == null) {
            return null;
        }
        Path path = Path.of(raw);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ConfigError(name, "names a file that cannot be read: " + path);
        }
        return path;
    }

    String url(String name, String fallback) {
        return parsed(name, fallback, value -> {
            java.net.URI uri = java.net.URI.create(value);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException();
            }
            return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        }, "must be an absolute http(s) URL such as https://ail.example.com");
    }

    private <T> T parsed(String name, T fallback, Function<String, T> parser, String expected) {
        String raw = string(name);
        if (raw == null) {
            return fallback;
        }
        try {
            return parser.apply(raw.trim());
        } catch (RuntimeException e) {
            throw new ConfigError(name, expected + ", got '" + abbreviate(raw) + "'");
        }
    }

    private static String abbreviate(String raw) {
        return raw.length() > 40 ? raw.substring(0, 40) + "..." : raw;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
