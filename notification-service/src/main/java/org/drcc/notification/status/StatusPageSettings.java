package org.drcc.notification.status;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dr.status-page}: the public page's title and the components its users know. A component
 * is shown as affected while a current incident's scenario is one of its {@code scenarios}. An incident is
 * shown as {@code incident-title} and the components it affects until a person gives it a public title.
 */
@ConfigurationProperties("dr.status-page")
public record StatusPageSettings(@DefaultValue("Food Truck Management System") String title,
                                 @DefaultValue List<Component> components,
                                 @DefaultValue("50") int feedSize,
                                 @DefaultValue("Service disruption") String incidentTitle) {

    public record Component(String name, @DefaultValue List<String> scenarios) {
    }
}
