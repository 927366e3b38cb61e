/**
 * The {@code Incident} aggregate, its commands and its rules ({@code Lifecycle}, {@code Checklist}): where every
 * change to an incident is decided, then applied as a contract event. It knows no web and no Kafka adapter
 * (a house rule, checked by ArchUnit): the domain does not know how it is called nor where its events go.
 */
package org.drcc.incident.command;
