package org.drcc.backup.pitr;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Point-in-time recovery ({@code dr.backup.pitr.*}).
 *
 * @param enabled             off unless the protected server archives its WAL with pgBackRest to {@code configDir}
 * @param database            the protected database whose server's cluster is backed up (its policy gives the
 *                            retention, its connection the server)
 * @param stanza              pgBackRest's name for that cluster (the server's {@code archive_command} names it too)
 * @param configDir           where this service writes {@code pgbackrest.conf} and {@code conf.d/} (secrets, 0600);
 *                            the server's archive command reads them
 * @param cipherPassFile      the repositories' encryption passphrase (one line); keep a copy off-site
 * @param createMissingKey    create {@code cipherPassFile} (0600, random) if it is missing
 * @param s3Endpoint          {@code host:port} of an HTTPS S3 endpoint for every repository, in place of the
 *                            tiers' own: pgBackRest speaks only HTTPS (the local S3Mock's HTTPS port)
 * @param verifyTls           check the S3 endpoints' certificates (off only for the local S3Mock's self-signed one)
 * @param s3CaFile            the certificate authority of the S3 endpoints' certificates, where it is not one the
 *                            system trusts (docker-compose's TLS front of MinIO)
 * @param schedule            the base backups (Spring cron)
 * @param archiveLagThreshold the newest archived WAL older than this (while the server writes) is "RPO at risk"
 * @param processMax          pgBackRest's parallel processes for a backup or a restore
 * @param pgHost              the protected server's host when it is another machine (docker-compose's
 *                            {@code postgres}): pgBackRest reaches its data directory through the pgBackRest TLS
 *                            server running there; unset, the server's data directory is on this machine
 * @param pgHostTlsDir        the client's certificates for that TLS server: {@code ca.crt}, {@code client.crt},
 *                            {@code client.key}
 */
@ConfigurationProperties("dr.backup.pitr")
public record PitrSettings(
        boolean enabled,
        @DefaultValue("foodtruck") String database,
        @DefaultValue("protected") String stanza,
        Path configDir,
        Path cipherPassFile,
        boolean createMissingKey,
        String s3Endpoint,
        @DefaultValue("true") boolean verifyTls,
        Path s3CaFile,
        @DefaultValue("0 15 2 * * *") String schedule,
        @DefaultValue("PT5M") Duration archiveLagThreshold,
        @DefaultValue("2") int processMax,
        String pgHost,
        Path pgHostTlsDir) {
}
