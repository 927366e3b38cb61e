package org.drcc.notification.template;

public record Rendered(String subject, String body) {
}
