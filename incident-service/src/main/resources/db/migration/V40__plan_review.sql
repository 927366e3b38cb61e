-- The plan's reviews, projected from the event store (dr.plan.review-due.v1, dr.plan.reviewed.v1); a replay
-- rebuilds it. reviewed_by names a person: overwritten when that person is forgotten.
CREATE TABLE plan_review (
    review_id    varchar(100)  PRIMARY KEY,
    kind         varchar(20)   NOT NULL,
    what         varchar(200)  NOT NULL,
    incident_id  varchar(64),
    due_at       timestamptz   NOT NULL,
    opened_at    timestamptz   NOT NULL,
    reviewed_at  timestamptz,
    reviewed_by  varchar(400),
    plan_changed boolean,
    changes      text
);
CREATE INDEX plan_review_due_at ON plan_review (due_at);
