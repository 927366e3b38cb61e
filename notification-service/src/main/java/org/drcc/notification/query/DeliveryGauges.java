package org.drcc.notification.query;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the alerts need to say that the plan's people were not told: {@code dr.notifications.failed} (the plan's
 * messages given up in the last {@code dr.notification.alert-window}, 24 h) and
 * {@code dr.notification.deadlines.breached} (messages scheduled in that window whose tier's deadline was breached).
 * Counted from the read model at each scrape, so every instance reports the same figure. metrics-service's
 * {@code dr.notification.deadline.met} is the plan's yearly ratio; these are the recent counts an alert can clear on.
 */
@Component
class DeliveryGauges implements MeterBinder {

    private final Deliveries deliveries;
    private final Clock clock;
    private final Duration window;

    DeliveryGauges(Deliveries deliveries, Clock clock,
                   @Value("${dr.notification.alert-window:PT24H}") Duration window) {
        this.deliveries = deliveries;
        this.clock = clock;
        this.window = window;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("dr.notifications.failed", () -> deliveries.failedSince(clock.instant().minus(window)))
                .description("Messages of the communication plan given up after their attempts, scheduled in the last "
                        + window)
                .register(registry);
        Gauge.builder("dr.notification.deadlines.breached", () -> deliveries.breachedSince(clock.instant().minus(window)))
                .description("Messages scheduled in the last " + window + " whose tier's deadline was breached")
                .register(registry);
    }
}
