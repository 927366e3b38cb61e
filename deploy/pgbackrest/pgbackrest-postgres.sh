#!/bin/sh
# Starts PostgreSQL (the image's own entrypoint) archiving its WAL with pgBackRest into the three S3 tiers.
# pgbackrest.conf is written here from the environment and the secret files compose mounts:
#   DR_PITR_S3_ENDPOINT (host:port, HTTPS), DR_PITR_S3_REGION, DR_PITR_S3_CA_FILE, DR_PITR_BUCKETS (the tiers in order:
#   repo1 primary, repo2 secondary, repo3 tertiary), DR_PITR_S3_ACCESS_KEY, DR_PITR_S3_SECRET_KEY (or a file holding
#   it, DR_PITR_S3_SECRET_KEY_FILE),
#   DR_PITR_CIPHER_PASS_FILE (the repositories' passphrase: the same file backup-service reads), DR_PITR_TLS_DIR
#   (this server's certificate for the pgBackRest TLS server, and the authority of backup-service's client one).
# Until the passphrase exists (backup-service makes it on its first start), the archive command fails and the server
# keeps its WAL. The stanza is created as soon as the server answers; the pgBackRest TLS server lets backup-service
# run base backups of this data directory from its own container.
set -eu

STANZA=protected
CONF=/etc/pgbackrest/pgbackrest.conf

line() { printf '%s=%s\n' "$1" "$2"; }

write_conf() {
    secret=${DR_PITR_S3_SECRET_KEY:-$(head -n 1 "${DR_PITR_S3_SECRET_KEY_FILE:?DR_PITR_S3_SECRET_KEY or its _FILE}")}
    pass=$(head -n 1 "$DR_PITR_CIPHER_PASS_FILE")
    umask 077
    {
        echo "[global]"
        line log-path /var/log/pgbackrest
        line lock-path /tmp/pgbackrest
        line spool-path /var/lib/pgbackrest
        line start-fast y
        n=1
        for bucket in $DR_PITR_BUCKETS; do
            # the same repositories as backup-service writes (backup-service/src/.../pitr/PgBackRestConfig.java)
            line "repo$n-type" s3
            line "repo$n-path" /pgbackrest
            line "repo$n-s3-bucket" "$bucket"
            line "repo$n-s3-endpoint" "$DR_PITR_S3_ENDPOINT"
            line "repo$n-s3-region" "${DR_PITR_S3_REGION:-us-east-1}"
            line "repo$n-s3-uri-style" path
            line "repo$n-storage-ca-file" "$DR_PITR_S3_CA_FILE"
            line "repo$n-cipher-type" aes-256-cbc
            line "repo$n-bundle" y
            line "repo$n-retention-full-type" count
            line "repo$n-retention-full" 9999999
            line "repo$n-s3-key" "$DR_PITR_S3_ACCESS_KEY"
            line "repo$n-s3-key-secret" "$secret"
            line "repo$n-cipher-pass" "$pass"
            n=$((n + 1))
        done
        # backup-service (its client certificate's common name) may back up this stanza, nothing else
        line tls-server-address '*'
        line tls-server-cert-file "$DR_PITR_TLS_DIR/server.crt"
        line tls-server-key-file "$DR_PITR_TLS_DIR/server.key"
        line tls-server-ca-file "$DR_PITR_TLS_DIR/ca.crt"
        line tls-server-auth "backup-service=$STANZA"
        echo
        # as backup-service writes it (PgBackRestConfig.ARCHIVE_PUSH): each segment to every tier that answers, so a
        # lost tier does not stop the WAL from reaching the other two
        echo "[global:archive-push]"
        line archive-async y
        line archive-timeout 30
        echo
        echo "[$STANZA]"
        line pg1-path "$PGDATA"
        line pg1-socket-path /var/run/postgresql
    } > "$CONF.tmp"
    chown postgres:postgres "$CONF.tmp"
    mv "$CONF.tmp" "$CONF"
}

# in the background, detached from the server (compose's init reaps it): the configuration once the passphrase is
# there, the TLS server, the stanza once the server answers
( (
    until [ -s "$DR_PITR_CIPHER_PASS_FILE" ]; do sleep 5; done
    write_conf
    gosu postgres pgbackrest server &
    until gosu postgres pgbackrest --stanza="$STANZA" stanza-create; do sleep 10; done
) & )

exec docker-entrypoint.sh "$@" \
    -c wal_level=replica \
    -c archive_mode=on \
    -c archive_timeout=60s \
    -c "archive_command=pgbackrest --stanza=$STANZA archive-push %p"
