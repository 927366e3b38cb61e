/**
 * Releases and their deployment: the releases this build carries ({@code Release}) and the deployment ledger every
 * instance reads the running release from ({@code ReleaseLedger}): a deploy and a rollback each append a line.
 */
package org.drcc.demoapp.release;
