package org.drcc.backup.job;

import org.drcc.backup.policy.CopyRetry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The tier copy sweep by the clock, apart from {@link ScheduledJobs} so that a test can run it alone
 * ({@code dr.backup.copy-retry.enabled=true} with {@code dr.backup.scheduling-enabled=false}).
 */
@Configuration
@EnableScheduling
@ConditionalOnExpression("${dr.backup.copy-retry.enabled:${dr.backup.scheduling-enabled:true}}")
class CopyRetrySchedule implements SchedulingConfigurer {

    private final CopyRetrySweep sweep;
    private final CopyRetry retry;

    CopyRetrySchedule(CopyRetrySweep sweep, CopyRetry retry) {
        this.sweep = sweep;
        this.retry = retry;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(sweep::start, retry.sweepInterval());
    }
}
