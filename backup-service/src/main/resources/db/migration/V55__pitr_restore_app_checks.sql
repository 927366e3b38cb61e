-- a restore to an instant also runs the application's checks on the restored database
ALTER TABLE pitr_restore ADD COLUMN app_checks integer;
ALTER TABLE pitr_restore ADD COLUMN app_checks_failing text;
