-- Which copy a restore read (tier and object), and why the copies tried before it were passed over.
ALTER TABLE backup_restore ADD COLUMN source varchar(400);
ALTER TABLE backup_restore ADD COLUMN passed_over text;
