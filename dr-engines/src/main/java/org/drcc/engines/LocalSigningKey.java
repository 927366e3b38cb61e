package org.drcc.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The local stand-in for an identity provider's key: an RSA key pair in {@code <data dir>/keys}, made on
 * first use and kept across restarts. The services get the public key ({@code dr.security.public-key});
 * the private key signs the tokens of {@code dr login} and of the tests. Never for production.
 */
public final class LocalSigningKey {

    public static final String PRIVATE_FILE = "token-signing.key";
    public static final String PUBLIC_FILE = "token-signing.pub.pem";

    private final Path dir;

    private LocalSigningKey(Path dir) {
        this.dir = dir;
    }

    /** The key pair in {@code keysDir}, created there if missing. */
    public static synchronized LocalSigningKey in(Path keysDir) {
        LocalSigningKey key = new LocalSigningKey(keysDir);
        if (!Files.exists(key.privateKeyFile()) || !Files.exists(key.publicKeyFile())) {
            key.generate();
        }
        return key;
    }

    public Path publicKeyFile() {
        return dir.resolve(PUBLIC_FILE);
    }

    public Path privateKeyFile() {
        return dir.resolve(PRIVATE_FILE);
    }

    public RSAPrivateKey privateKey() {
        try {
            String pem = Files.readString(privateKeyFile()).replaceAll("-----[A-Z ]+-----|\\s", "");
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unreadable signing key " + privateKeyFile(), e);
        }
    }

    private void generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(dir);
            Path secret = privateKeyFile();
            Files.writeString(secret, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            try {
                Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the folder's own permissions then protect it
            }
            Files.writeString(publicKeyFile(), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the signing key into " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
