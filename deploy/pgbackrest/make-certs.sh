#!/bin/sh
# One shot (docker-compose.yml's pgbackrest-certs): a certificate authority of this deployment and, signed by it, the
# certificates pgBackRest's TLS connections need: the PostgreSQL server's (the pgBackRest TLS server), backup-service's
# client one, and the HTTPS front of MinIO's (pgBackRest speaks S3 over HTTPS only). Made once into DR_PITR_TLS_DIR;
# an existing authority is kept. Each key is readable by the user that needs it only.
set -eu
cd "$DR_PITR_TLS_DIR"
[ -s ca.crt ] && exit 0

umask 077
openssl req -new -x509 -nodes -days 3650 -subj "/CN=drcc-pgbackrest-ca" -keyout ca.key -out ca.crt
sign() { # name, common name, subject alternative name
    openssl req -new -nodes -subj "/CN=$2" -keyout "$1.key" -out "$1.csr"
    printf 'subjectAltName=DNS:%s\n' "$3" > "$1.ext"
    openssl x509 -req -in "$1.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 -extfile "$1.ext" -out "$1.crt"
    rm "$1.csr" "$1.ext"
}
sign server postgres postgres
sign client backup-service backup-service
sign minio-tls minio-tls minio-tls
rm ca.key
chmod 0644 ca.crt server.crt client.crt minio-tls.crt
chown postgres:postgres server.key   # the PostgreSQL image's postgres user
chown 10001:10001 client.key         # the services' drcc user (backup-service/Dockerfile)
