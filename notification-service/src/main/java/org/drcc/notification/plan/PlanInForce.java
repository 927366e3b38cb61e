package org.drcc.notification.plan;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.drcc.notification.plan.CommunicationPlan.Audience;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The communication plan in force: the newest revision stored through the API, else the file's plan.
 * A change made here is in force at once; one made through another instance within a second (reads
 * look up the newest revision number at most once a second).
 */
@Component
public class PlanInForce implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(PlanInForce.class);
    /** How stale the plan may be here after a change made through another instance. */
    private static final long RECHECK_NANOS = 1_000_000_000L;

    private record Current(long revision, CommunicationPlan plan) {
    }

    private final CommunicationPlan fromFile;
    private final PlanRevisions revisions;
    private final PlanDocuments documents;
    private final Clock clock;
    private volatile Current current;
    private volatile long checkedAt;

    PlanInForce(CommunicationPlan fromFile, PlanRevisions revisions, PlanDocuments documents, Clock clock) {
        this.fromFile = documents.check(fromFile);
        this.revisions = revisions;
        this.documents = documents;
        this.clock = clock;
    }

    /** Once the schema is migrated: a stored plan that no longer passes the checks stops the start-up. */
    @Override
    public void afterSingletonsInstantiated() {
        current = load();
        if (current.revision() > 0) {
            log.info("communication plan revision {} (changed through the API) is in force, not the file's",
                    current.revision());
        }
        current.plan().warnings().forEach(w -> log.warn("Communication plan: {}", w));
    }

    public CommunicationPlan get() {
        return revision().plan();
    }

    public long revisionNumber() {
        return revision().revision();
    }

    /** Replaces the whole plan; refused as a whole ({@link PlanRejectedException}) if any part is wrong. */
    @Transactional
    public long replace(CommunicationPlan plan, String actor) {
        revisions.lockForChange();
        return store(documents.check(plan), actor, "replaced the whole plan");
    }

    /**
     * Replaces one stakeholder group wherever the plan names it (a tier, the escalation, a database's
     * owners), keeping its place; the changed plan is checked as a whole before it is stored.
     */
    @Transactional
    public long replaceAudience(String name, Audience audience, String actor) {
        if (!name.equals(audience.name())) {
            throw new PlanRejectedException(List.of(new PlanProblem("name",
                    "'" + audience.name() + "' does not match the group in the path, '" + name + "'")));
        }
        revisions.lockForChange();
        CommunicationPlan plan = get();
        if (!plan.hasAudience(name)) {
            throw new UnknownAudienceException(name);
        }
        UnaryOperator<List<Audience>> swap = list -> {
            List<Audience> out = new ArrayList<>();
            list.forEach(a -> out.add(a.name().equals(name) ? audience : a));
            return out;
        };
        CommunicationPlan changed = new CommunicationPlan(
                plan.tiers().stream().map(t -> new CommunicationPlan.Tier(t.id(), t.deadline(),
                        swap.apply(t.audiences()))).toList(),
                plan.escalation() == null ? null : new CommunicationPlan.Escalation(plan.escalation().tier(),
                        plan.escalation().after(), swap.apply(plan.escalation().audiences())),
                plan.databases().stream().map(d -> new CommunicationPlan.DatabaseOwners(d.database(),
                        swap.apply(d.owners()))).toList(),
                swap.apply(plan.planOwners()));
        return store(documents.check(changed), actor, "replaced stakeholder group '" + name + "'");
    }

    public List<PlanRevision> revisions() {
        return revisions.all();
    }

    private long store(CommunicationPlan plan, String actor, String change) {
        long revision = revisions.append(documents.write(plan), actor, change, clock.instant());
        current = new Current(revision, plan);
        checkedAt = System.nanoTime();
        log.info("communication plan revision {} by {}: {}", revision, actor, change);
        plan.warnings().forEach(w -> log.warn("Communication plan revision {}: {}", revision, w));
        return revision;
    }

    private Current revision() {
        Current seen = current;
        long now = System.nanoTime();
        if (seen == null || now - checkedAt > RECHECK_NANOS) {
            if (seen == null || revisions.latestRevision() != seen.revision()) {
                seen = load();
                current = seen;
            }
            checkedAt = now;
        }
        return seen;
    }

    private Current load() {
        return revisions.latest().map(s -> new Current(s.revision(), documents.readStored(s.plan())))
                .orElseGet(() -> new Current(0, fromFile));
    }
}
