/**
 * The one definition of recovery (time to recover, data loss, RTO and RPO met, a recovery test passed) that
 * the incident view, the metrics and the drills share instead of each judging on its own. A module with no
 * dependencies rather than a package in service-kit: the kit is Spring infrastructure, this is a rule of the
 * plan, and with nothing on the classpath no Spring or Axon type can creep in.
 */
package org.drcc.recovery;
