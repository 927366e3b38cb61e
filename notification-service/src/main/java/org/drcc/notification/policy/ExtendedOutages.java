package org.drcc.notification.policy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.drcc.notification.plan.CommunicationPlan;
import org.drcc.notification.plan.PlanInForce;
import org.drcc.notification.query.IncidentBrief;
import org.drcc.notification.query.IncidentBriefs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The plan's rules on an incident's duration ("Email notifications (if extended outage)"): every
 * {@code dr.notification.poll-interval}, each audience with {@code openLongerThan} is owed a message about each
 * incident whose outage has lasted longer. Several instances asking at once schedule each message once.
 */
@Component
class ExtendedOutages {

    private static final Logger log = LoggerFactory.getLogger(ExtendedOutages.class);
    private static final int BATCH = 100;

    private final PlanInForce plan;
    private final IncidentBriefs briefs;
    private final NotificationPolicy policy;
    private final Clock clock;

    ExtendedOutages(PlanInForce plan, IncidentBriefs briefs, NotificationPolicy policy, Clock clock) {
        this.plan = plan;
        this.briefs = briefs;
        this.policy = policy;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${dr.notification.poll-interval:PT1S}")
    void tell() {
        Instant now = clock.instant();
        for (CommunicationPlan.Tier tier : plan.get().tiers()) {
            tier.audiences().stream().filter(a -> a.openLongerThan() != null).forEach(audience -> {
                // page through all of them: the incidents an audience is not about (another scenario or severity)
                // stay unanswered and first in line, and must not hide the newer ones it is about
                List<IncidentBrief> page = briefs.outagesDeclaredBefore(now.minus(audience.openLongerThan()),
                        audience.name(), null, BATCH);
                while (!page.isEmpty()) {
                    for (IncidentBrief brief : page) {
                        try {
                            policy.extendedOutage(brief, tier.id(), audience, now);
                        } catch (RuntimeException e) {
                            log.warn("the extended-outage message of incident {} to {} is not scheduled yet; tried "
                                    + "again on the next round", brief.incidentId(), audience.name(), e);
                        }
                    }
                    page = page.size() < BATCH ? List.of() : briefs.outagesDeclaredBefore(
                            now.minus(audience.openLongerThan()), audience.name(), page.get(page.size() - 1), BATCH);
                }
            });
        }
    }
}
