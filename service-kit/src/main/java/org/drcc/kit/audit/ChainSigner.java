package org.drcc.kit.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

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

    /** Loads the PKCS#8 key at {@code keyFile} (and its public half at keyFile.pub), creating both if absent. */
    public static ChainSigner fromFile(Path keyFile) {
        try {
            Path publicFile = keyFile.resolveSibling(keyFile.getFileName() + ".pub");
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            if (!Files.exists(keyFile)) {
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                Files.createDirectories(keyFile.toAbsolutePath().getParent());
                writeOwnerOnly(keyFile, pair.getPrivate().getEncoded());
                Files.write(publicFile, pair.getPublic().getEncoded());
            }
            return new ChainSigner(factory.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(keyFile))),
                    factory.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicFile))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the audit signing key " + keyFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the audit signing key " + keyFile + " is not an Ed25519 key", e);
        }
    }

    /**
     * The private key is readable by its owner only from the moment the file exists (0600 where the file
     * system has POSIX permissions), not written with the umask and narrowed afterwards.
     */
    private static void writeOwnerOnly(Path file, byte[] bytes) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.write(file, bytes);
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
