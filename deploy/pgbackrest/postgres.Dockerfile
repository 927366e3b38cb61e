# PostgreSQL 15 with pgBackRest: the server archives its WAL into the three S3 tiers and serves its data directory to
# backup-service's base backups over pgBackRest's TLS server (docker-compose.yml, README "Deploy: point-in-time
# recovery"). pgBackRest comes from the PostgreSQL project's repository (PGDG), as in backup-service's image: the two
# must run the same pgBackRest version, so build both images together.
FROM postgres:15

RUN set -eux; \
    apt-get update; \
    apt-get install -y --no-install-recommends pgbackrest openssl; \
    rm -rf /var/lib/apt/lists/*; \
    install -d -o postgres -g postgres -m 0700 /etc/pgbackrest /var/lib/pgbackrest /var/log/pgbackrest

COPY pgbackrest-postgres.sh make-certs.sh /usr/local/bin/
ENTRYPOINT ["pgbackrest-postgres.sh"]
CMD ["postgres"]
