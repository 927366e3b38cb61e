/**
 * Live updates without a reload: {@code SuiteEvents} reads the suite's event topics (its own consumer group per
 * console instance, from the newest record on) and tells {@code Channels} what changed; each open page holds a
 * server-sent events stream ({@code LiveController}) on which it hears "changed" and re-reads its part through
 * the APIs with its own token. No event's content reaches a browser: the streams carry only that something changed.
 */
package org.drcc.console.live;
