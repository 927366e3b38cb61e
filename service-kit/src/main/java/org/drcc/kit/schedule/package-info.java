/** Scheduled jobs that run once across the instances of a service (ShedLock, in the service's database). */
package org.drcc.kit.schedule;
