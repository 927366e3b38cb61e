package org.drcc.kit.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.drcc.kit.keys.KeyFiles;

/**
 * Signs chain checkpoints with Ed25519. The key lives outside the database (a file, created on first
 * use), so whoever can rewrite the tables cannot re-sign a rewritten chain.
 */
public final class ChainSigner {

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private ChainSigner(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The setting that names the signing key file. */
    public static final String KEY_FILE_SETTING = "dr.audit.signing-key-file";

    /** Loads the PKCS#8 key at {@code keyFile} (and its public half at keyFile.pub), creating both if absent. */
    public static ChainSigner fromFile(Path keyFile) {
        return fromFile(keyFile, new KeyFiles(true));
    }

    /**
     * Loads the PKCS#8 key at {@code keyFile} and its public half at keyFile.pub; creates both when the key is
     * missing and {@code keys} allows it, else stops with the setting to fix.
     */
    public static ChainSigner fromFile(Path keyFile, KeyFiles keys) {
        Path publicFile = keyFile.resolveSibling(keyFile.getFileName() + ".pub");
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            KeyPair[] made = new KeyPair[1];
            byte[] encoded = keys.readOrCreate(keyFile, KEY_FILE_SETTING, () -> {
                made[0] = generate();
                return made[0].getPrivate().getEncoded();
            });
            // only the instance whose key won writes its public half (another may have created the file first)
            if (made[0] != null && Arrays.equals(encoded, made[0].getPrivate().getEncoded())) {
                Files.write(publicFile, made[0].getPublic().getEncoded());
            }
            return new ChainSigner(factory.generatePrivate(new PKCS8EncodedKeySpec(encoded)),
                    factory.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicFile))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit signing key's public half " + publicFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the audit signing key " + keyFile + " is not an Ed25519 key", e);
        }
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make Ed25519 keys", e);
        }
    }

    byte[] sign(long chainSeq, byte[] hash) {
        return sign(statement(chainSeq, hash));
    }

    boolean verify(long chainSeq, byte[] hash, byte[] signed) {
        return verify(statement(chainSeq, hash), signed);
    }

    /** Signs any statement with the audit key: archive checkpoints and evidence manifests use it too. */
    public byte[] sign(byte[] statement) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(statement);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean verify(byte[] statement, byte[] signed) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(publicKey);
            signature.update(statement);
            return signature.verify(signed);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The public key, X.509-encoded: what an auditor needs to check checkpoints on their own. */
    public byte[] publicKey() {
        return publicKey.getEncoded();
    }

    public String keyId() {
        return HexFormat.of().formatHex(CanonicalEvent.link(new byte[0], publicKey.getEncoded())).substring(0, 16);
    }

    private static byte[] statement(long chainSeq, byte[] hash) {
        return ByteBuffer.allocate(8 + hash.length).putLong(chainSeq).put(hash).array();
    }
}
