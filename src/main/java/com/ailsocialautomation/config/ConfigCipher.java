package com.ailsocialautomation.config;

import org.jasypt.encryption.pbe.StandardPBEStringEncryptor;
import org.jasypt.iv.RandomIvGenerator;

/**
 * Jasypt's job here: configuration values kept encrypted in env files as {@code ENC(...)}.
 * Secrets at rest in the database use Tink instead (see Vault): Jasypt has no MAC and no key ids.
 */
public final class ConfigCipher {
    private static final String ALGORITHM = "PBEWITHHMACSHA512ANDAES_256";
    private final StandardPBEStringEncryptor encryptor = new StandardPBEStringEncryptor();

    public ConfigCipher(Secret password) {
        encryptor.setAlgorithm(ALGORITHM);
        encryptor.setIvGenerator(new RandomIvGenerator());
        encryptor.setPassword(password.reveal());
    }

    public static boolean isEncrypted(String value) {
        return value.startsWith("ENC(") && value.endsWith(")");
    }

    public String encrypt(String plaintext) {
        return "ENC(" + encryptor.encrypt(plaintext) + ")";
    }

    /**
     * Jasypt's AES-CBC has no MAC: under a wrong password about one ciphertext in 256 still ends in valid padding
     * and "decrypts" to random bytes. A configuration value is text without control characters, so such output is
     * refused here instead of being used as the setting.
     */
    public String decrypt(String wrapped) {
        String plain = encryptor.decrypt(wrapped.substring(4, wrapped.length() - 1));
        if (plain.chars().anyMatch(c -> c == '\uFFFD' || Character.isISOControl(c))) {
            throw new IllegalArgumentException("the password does not decrypt this value");
        }
        return plain;
    }
}
