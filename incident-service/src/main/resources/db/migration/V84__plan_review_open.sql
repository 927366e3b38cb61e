-- The gauge dr.plan.reviews.overdue counts, at every scrape of every instance, the reviews not held and past due. The
-- index on due_at (V40) could not keep that count short: every review held is past due too, so it read the table, one
-- review a closed incident for as long as the plan runs (a million reviews: 124 ms a scrape, docs/benchmarks.md). No
-- other question reads plan_review by due_at: the index of the reviews not held replaces it.
DROP INDEX plan_review_due_at;
CREATE INDEX plan_review_open ON plan_review (due_at) WHERE reviewed_at IS NULL;
