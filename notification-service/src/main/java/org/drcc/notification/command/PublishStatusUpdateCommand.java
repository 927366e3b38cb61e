package org.drcc.notification.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Publish {@code text} about the incident on the public status page, as {@code publishedBy} wrote it. */
public record PublishStatusUpdateCommand(@TargetAggregateIdentifier String updateId, String incidentId, String text,
                                         String publicTitle, String publishedBy, Instant at) {
}
