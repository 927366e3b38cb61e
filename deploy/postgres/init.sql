-- Runs once, when the postgres volume is first initialised (docker-entrypoint-initdb.d).
-- One database per service (each service's Flyway migrations create its tables on start-up),
-- plus foodtruck: the protected application's database, which the plan's backups cover.
CREATE DATABASE incident;
CREATE DATABASE backup;
CREATE DATABASE notification;
CREATE DATABASE metrics;
CREATE DATABASE foodtruck;
