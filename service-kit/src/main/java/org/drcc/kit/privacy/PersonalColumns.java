package org.drcc.kit.privacy;

import java.util.List;

/**
 * A service's read-model columns that hold personal data in clear, declared as a bean: erasing a person
 * overwrites them there (events need no rewrite: their fields are encrypted with the person's key).
 */
@FunctionalInterface
public interface PersonalColumns {

    List<PersonalColumn> columns();
}
