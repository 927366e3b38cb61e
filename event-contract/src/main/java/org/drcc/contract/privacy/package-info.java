/**
 * Events about personal data itself on {@code dr.privacy.events} (sealed {@code PrivacyEvent}): a service erased a
 * person's data. They carry the pseudonymous subject id, never the person's name.
 */
package org.drcc.contract.privacy;
