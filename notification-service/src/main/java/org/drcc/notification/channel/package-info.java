/**
 * Where messages leave the service: the dispatcher that claims each due message from its aggregate, calls the
 * channel outside any transaction and records the outcome (one round at a time across instances), and the courier
 * that speaks each channel's protocol (Slack, Teams, PagerDuty, Opsgenie, e-mail, webhook, log), with their settings.
 */
package org.drcc.notification.channel;
