package org.drcc.kit.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals a personal value with its person's key, AES-256-GCM, as {@code pd:v1:<subject>:<iv+ciphertext>}
 * (base64url), the subject id bound in as associated data; opens it again while the key exists, and
 * reads {@value #FORGOTTEN} once the person was forgotten. Values without the prefix (stored before
 * encryption existed) are read as they are.
 */
public final class PersonalDataCipher {

    public static final String PREFIX = "pd:v1:";
    public static final String FORGOTTEN = "[forgotten]";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * One AES-GCM cipher per thread, initialised anew for every value (a new key and nonce each time): looking the
     * algorithm up among the providers for every field was about half of the sealing's allocations (JFR, the API
     * benchmark). A cipher is not safe to share between threads; each thread only ever uses its own. An idle thread's
     * cipher still holds the last key it was initialised with, as the keyring's cache holds keys for its time to live.
     */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no AES/GCM/NoPadding", e);
        }
    });

    private final Keyring keyring;

    public PersonalDataCipher(Keyring keyring) {
        this.keyring = keyring;
    }

    /** {@code value} encrypted with the key of the person {@code subjectIdentifier} names. */
    public String seal(String subjectIdentifier, String value) {
        Keyring.SubjectKey key = keyring.keyFor(subjectIdentifier);
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, key.key(), iv, key.subject(), value.getBytes(StandardCharsets.UTF_8));
        byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        return PREFIX + key.subject() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    /** The plain value, {@value #FORGOTTEN} when its person was forgotten; unsealed values as they are. */
    public String open(String value) {
        Optional<UUID> subject = subjectOf(value);
        if (subject.isEmpty()) {
            return value;
        }
        Optional<SecretKey> key = keyring.key(subject.get());
        if (key.isEmpty()) {
            return FORGOTTEN;
        }
        byte[] in = Base64.getUrlDecoder().decode(value.substring(PREFIX.length() + 37));
        byte[] iv = java.util.Arrays.copyOf(in, IV_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(in, IV_BYTES, in.length);
        return new String(crypt(Cipher.DECRYPT_MODE, key.get(), iv, subject.get(), sealed), StandardCharsets.UTF_8);
    }

    /** Opens, in place, every sealed string of a JSON document (an archived event, say). */
    public void openAll(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                JsonNode child = object.get(name);
                if (child.isTextual() && subjectOf(child.asText()).isPresent()) {
                    object.put(name, open(child.asText()));
                } else {
                    openAll(child);
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                if (child.isTextual() && subjectOf(child.asText()).isPresent()) {
                    array.set(i, open(child.asText()));
                } else {
                    openAll(child);
                }
            }
        }
    }

    /** The subject id of a sealed value; empty for a plain one. */
    public static Optional<UUID> subjectOf(String value) {
        if (value == null || !value.startsWith(PREFIX) || value.length() < PREFIX.length() + 38
                || value.charAt(PREFIX.length() + 36) != ':') {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.substring(PREFIX.length(), PREFIX.length() + 36)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] iv, UUID subject, byte[] input) {
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD((PREFIX + subject).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new UnreadablePersonalDataException("a personal-data field of subject " + subject
                    + " does not decrypt: it was altered, or sealed with another keyring", e);
        }
    }
}
