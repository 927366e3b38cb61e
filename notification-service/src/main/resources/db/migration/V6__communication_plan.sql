-- Every change of the communication plan made through the API, whole: the newest revision is the plan in
-- force (the file only seeds it). Append-only, so the table is the audit of who changed the plan and when.
-- It holds the contacts' targets and secrets, as the file does: protect this database accordingly.
CREATE TABLE communication_plan_revision (
    revision   bigserial    PRIMARY KEY,
    plan       text         NOT NULL,
    actor      varchar(200) NOT NULL,
    change     varchar(500) NOT NULL,
    changed_at timestamptz  NOT NULL
);

CREATE FUNCTION communication_plan_revision_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'communication_plan_revision is append-only: % refused', TG_OP;
END $$;

CREATE TRIGGER communication_plan_revision_append_only
    BEFORE UPDATE OR DELETE ON communication_plan_revision
    FOR EACH ROW EXECUTE FUNCTION communication_plan_revision_append_only();

CREATE TRIGGER communication_plan_revision_no_truncate
    BEFORE TRUNCATE ON communication_plan_revision
    FOR EACH STATEMENT EXECUTE FUNCTION communication_plan_revision_append_only();
