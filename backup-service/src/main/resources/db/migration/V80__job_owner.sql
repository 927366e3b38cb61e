-- Which instance of backup-service runs each backup or restore, and until when each instance is known to be alive
-- (job/JobOwners): a RUNNING job whose instance's lease ran out is failed by the instances still alive, never one
-- that another live instance is still running. Times are the database's own clock, the one all instances share.
CREATE TABLE instance_lease (
    instance_id varchar(120) PRIMARY KEY,
    expires_at  timestamptz  NOT NULL
);

CREATE TABLE job_owner (
    job_id      varchar(64)  PRIMARY KEY,
    instance_id varchar(120) NOT NULL,
    started_at  timestamptz  NOT NULL DEFAULT now()
);
