package org.drcc.kit.limits;

import java.util.List;

/** A service's expensive operations and their rate limits, declared as a bean. */
@FunctionalInterface
public interface ServiceRateLimits {

    List<RateLimit> limits();
}
