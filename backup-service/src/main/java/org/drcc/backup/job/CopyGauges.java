package org.drcc.backup.job;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.drcc.backup.query.Backups;
import org.springframework.stereotype.Component;

/**
 * The copies that are missing, per tier (the primary's too: a dump written to another tier while it was gone), for
 * the alerts: {@code dr.backup.copies.failing} (a failed
 * attempt, still being retried) and {@code dr.backup.copies.abandoned} (attempts spent: that backup has no copy in
 * the tier until someone acts). Counted from the read model at each scrape, so every instance reports the same.
 */
@Component
class CopyGauges implements MeterBinder {

    private final Backups backups;
    private final TierCopier copier;

    CopyGauges(Backups backups, TierCopier copier) {
        this.backups = backups;
        this.copier = copier;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String tier : copier.tiers().keySet()) {
            Gauge.builder("dr.backup.copies.failing", () -> backups.copiesIn(tier, "FAILED")).tag("tier", tier)
                    .description("Completed backups whose copy in the tier failed and is being retried")
                    .register(registry);
            Gauge.builder("dr.backup.copies.abandoned", () -> backups.copiesIn(tier, "ABANDONED")).tag("tier", tier)
                    .description("Completed backups whose copy in the tier was given up after its attempts")
                    .register(registry);
        }
    }
}
