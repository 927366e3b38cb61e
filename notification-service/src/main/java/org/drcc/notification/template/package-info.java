/**
 * The operators' Mustache templates, one per message kind and optionally per channel; a missing value renders
 * empty, so an edited template never stops a message from going out.
 */
package org.drcc.notification.template;
