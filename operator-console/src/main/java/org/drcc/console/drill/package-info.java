/**
 * The drills page: the plan's test schedule, the drills run so far with their RTO and RPO against the targets, a
 * drill run from the page and its steps watched as they are recorded, and each drill's report (backup-service's
 * embedded drill module, through its API).
 */
package org.drcc.console.drill;
