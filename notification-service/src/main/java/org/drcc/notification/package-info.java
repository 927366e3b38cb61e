/**
 * notification-service: tells the plan's audiences about incidents and backup alerts through their channels, on
 * the plan's deadlines, and records every message as events. This package holds only the application class; the
 * work is in the role packages ({@code kafka} takes events in, {@code policy} and {@code command} decide,
 * {@code channel} sends).
 */
package org.drcc.notification;
