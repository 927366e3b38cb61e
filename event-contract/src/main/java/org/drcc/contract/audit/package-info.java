/**
 * What the audit trail says about itself on {@code dr.audit.events} (sealed {@code AuditEvent}): the archive's
 * store not keeping, or keeping again, the Object Lock retention asked for; a scheduled verification of a copy of the
 * archive, intact or broken.
 */
package org.drcc.contract.audit;
