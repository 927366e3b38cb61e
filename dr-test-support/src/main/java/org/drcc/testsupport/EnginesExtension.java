package org.drcc.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.drcc.engines.EngineSettings;
import org.drcc.engines.Engines;
import org.drcc.engines.FoodTruckDatabase;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/** Starts PostgreSQL, Kafka and S3 once per test JVM and stops them when the JVM's tests are done. */
public final class EnginesExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EnginesExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Engines engines = engines(context);
        String database = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WithEngines.class)
                .map(WithEngines::database)
                .orElseThrow(() -> new IllegalStateException("use @WithEngines(database = ...)"));
        engines.postgres().createDatabase(database); // a test class's own database (the services' exist already)
        System.setProperty("spring.datasource.url", engines.jdbcUrl(database));
        // the keyring of personal-data keys, shared by every service as in ./dr up
        System.setProperty("dr.privacy.keyring.url", engines.jdbcUrl(Engines.KEYRING_DATABASE));
        System.setProperty("spring.kafka.bootstrap-servers", engines.bootstrapServers());
        System.setProperty("dr.s3.endpoint", engines.s3Endpoint().toString());
        // the database the backup-service protects
        System.setProperty("dr.backup.databases.foodtruck.url", engines.jdbcUrl(FoodTruckDatabase.NAME));
        // the public key the services check bearer tokens with; TestTokens signs with its private half
        TestTokens.install();
        // the key that signs the audit trail's checkpoints, outside the database
        System.setProperty("dr.audit.signing-key-file",
                engines.settings().dataDir().resolve("keys").resolve(database + "-audit.key").toString());
        // backup-service's key-encryption key for the dumps, made on first use, outside the S3 data it protects
        System.setProperty("dr.backup.encryption.keys.local",
                engines.settings().dataDir().resolve("keys").resolve("backup-encryption-local.json").toString());
        System.setProperty("dr.backup.encryption.create-missing-key", "true");
        // point-in-time recovery: the server archives its WAL with pgBackRest into the three tiers, over S3Mock's HTTPS
        System.setProperty("dr.backup.pitr.enabled", "true");
        System.setProperty("dr.backup.pitr.config-dir", engines.walArchiveConfigDir().toString());
        System.setProperty("dr.backup.pitr.cipher-pass-file",
                org.drcc.engines.WalArchive.passphraseFile(engines.settings().dataDir()).toString());
        System.setProperty("dr.backup.pitr.create-missing-key", "true");
        System.setProperty("dr.backup.pitr.s3-endpoint", engines.s3HttpsHostAndPort());
        System.setProperty("dr.backup.pitr.verify-tls", "false");
    }

    /** A test method may take {@link Engines} to reach the engines, to stop Kafka for instance. */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Engines.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return engines(context);
    }

    /** The engines of this test JVM, started on first use. */
    public static Engines engines(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Engines.class, k -> new StartedEngines(start()), StartedEngines.class)
                .engines();
    }

    private static Engines start() {
        try {
            Path dir = Files.createTempDirectory("dr-engines-");
            return Engines.startForThisJvm(EngineSettings.forTests(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record StartedEngines(Engines engines) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws IOException {
            // the tests' Spring contexts first, while the engines they use still answer (EngineContexts)
            EngineContexts.closeAll();
            engines.close();
            Engines.deleteTree(engines.settings().dataDir());
        }
    }
}
