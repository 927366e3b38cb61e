/** What each incident or backup event owes to whom, under the plan in force: the messages it schedules. */
package org.drcc.notification.policy;
