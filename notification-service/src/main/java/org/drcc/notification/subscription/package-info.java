/**
 * Subscriptions to the public status page by e-mail (double opt-in) and webhook (confirmed by the receiver's 2xx):
 * their rules, their read model (address, URL and token sealed under the subscription's own key), and the fan-out
 * of each line the page adds to the confirmed subscribers, as notifications the dispatcher delivers.
 */
package org.drcc.notification.subscription;
