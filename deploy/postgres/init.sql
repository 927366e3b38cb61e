-- Runs once, when the postgres volume is first initialised (docker-entrypoint-initdb.d).
-- One database per service (each service's Flyway migrations create its tables on start-up),
-- plus foodtruck: the protected application's database, which the plan's backups cover.
CREATE DATABASE incident;
CREATE DATABASE backup;
CREATE DATABASE notification;
CREATE DATABASE metrics;
-- the keys of the people named in events, shared by all services (crypto-shredding; see README "Personal data")
CREATE DATABASE keyring;
CREATE DATABASE foodtruck;
