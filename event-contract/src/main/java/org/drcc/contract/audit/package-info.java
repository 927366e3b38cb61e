/**
 * What the audit trail says about itself on {@code dr.audit.events} (sealed {@code AuditEvent}): the archive's
 * store not keeping, or keeping again, the Object Lock retention asked for.
 */
package org.drcc.contract.audit;
