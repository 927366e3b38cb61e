package org.drcc.kit.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.drcc.kit.kafka.CloudEventRecords;
import org.drcc.kit.keys.KeyFiles;
import org.drcc.kit.keys.MissingKeyException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Crypto-shredding of personal data in events: the keyring (its own Flyway history, in the database
 * {@code dr.privacy.keyring.url} names, else the service's own), the {@link PersonalDataModule} on the
 * mappers that store and publish events, and the erasures under four eyes ({@code /api/privacy/erasures}).
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
        beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(PrivacyProperties.class)
public class PrivacyAutoConfiguration {

    @Bean
    Keyring keyring(PrivacyProperties settings, DataSource serviceDatabase, Environment environment) {
        KeyEncryptionKey kek = keyEncryptionKey(settings, environment);
        DataSource database = settings.keyring().url() == null ? serviceDatabase
                : keyringDatabase(settings.keyring(), environment);
        Keyring.migrate(database);
        Keyring keyring = new Keyring(JdbcClient.create(database), kek, settings.keyCacheTtl(), Clock.systemUTC(),
                database == serviceDatabase ? null : (HikariDataSource) database);
        keyring.wrapClearKeys();
        return keyring;
    }

    @Bean
    @ConditionalOnWebApplication
    KeyringController keyringController(Keyring keyring, PrivacyProperties settings) {
        return new KeyringController(keyring, settings.kekFile());
    }

    /**
     * Made (0600) where none exists yet and keys may be created (a local suite); under the {@code prod} profile a
     * missing file stops the start instead, naming its setting ({@link KeyFiles}): a new key there would wrap keys
     * that no other instance can open.
     */
    private static KeyEncryptionKey keyEncryptionKey(PrivacyProperties settings, Environment environment) {
        if (!KeyFiles.of(environment).createsMissing() && !Files.exists(settings.kekFile())) {
            throw new MissingKeyException("dr.privacy.kek-file", settings.kekFile());
        }
        return KeyEncryptionKey.fromFile(settings.kekFile());
    }

    @Bean
    PersonalDataCipher personalDataCipher(Keyring keyring) {
        return new PersonalDataCipher(keyring);
    }

    @Bean
    PersonalDataModule personalDataModule(PersonalDataCipher cipher) {
        return new PersonalDataModule(cipher);
    }

    @Bean
    @ConditionalOnWebApplication
    PersonalDataEraser personalDataEraser(Keyring keyring, ObjectProvider<PersonalColumns> columns, JdbcClient jdbc,
                                          TransactionTemplate transactions, KafkaTemplate<String, String> kafka,
                                          CloudEventRecords records, @Value("${spring.application.name}") String name,
                                          ObjectProvider<DerivedSubjects> derived) {
        List<PersonalColumn> all = columns.orderedStream().flatMap(c -> c.columns().stream()).toList();
        return new PersonalDataEraser(keyring, all, jdbc, transactions, kafka, records, name, Clock.systemUTC(),
                derived.orderedStream().toList());
    }

    @Bean
    @ConditionalOnWebApplication
    Erasures erasures(Keyring keyring, PersonalDataEraser eraser, PrivacyProperties settings,
                      @Value("${spring.application.name}") String name) {
        return new Erasures(keyring, eraser, settings.legalHolds(), name, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnWebApplication
    PrivacyController privacyController(Erasures erasures) {
        return new PrivacyController(erasures);
    }

    /**
     * Axon stores events through these serializers: personal fields sealed on the way in, opened on the way out.
     * The general one stores the aggregates' snapshots (and tokens, sagas, deadlines): without the sealing there,
     * a snapshot would keep a forgotten person's name in clear (an incident's role holders, say). It is built as
     * Axon's own general Jackson serializer is (its revision resolver and converter), plus the sealing.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JacksonSerializer.class)
    static class SealedEventStore {

        @Bean
        @Qualifier("eventSerializer")
        Serializer eventSerializer(ObjectMapper json, PersonalDataModule personalData) {
            return JacksonSerializer.builder().objectMapper(json.copy().registerModule(personalData)).build();
        }

        @Bean
        @Primary
        Serializer serializer(ObjectMapper json, PersonalDataModule personalData) {
            return JacksonSerializer.builder().revisionResolver(new AnnotationRevisionResolver())
                    .converter(new ChainingConverter(PrivacyAutoConfiguration.class.getClassLoader()))
                    .objectMapper(json.copy().registerModule(personalData)).build();
        }
    }

    /**
     * The service pool's Hikari settings apply here too (the kit's 2 s connection timeout above all), so that the
     * keyring's PostgreSQL being down fails a request as fast as the service's own database does.
     */
    private static HikariDataSource keyringDatabase(PrivacyProperties.Keyring keyring, Environment environment) {
        HikariDataSource pool = new HikariDataSource();
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(pool));
        pool.setPoolName("keyring");
        pool.setJdbcUrl(keyring.url());
        pool.setUsername(keyring.username());
        pool.setPassword(keyring.password());
        pool.setMaximumPoolSize(4);
        return pool;
    }
}
