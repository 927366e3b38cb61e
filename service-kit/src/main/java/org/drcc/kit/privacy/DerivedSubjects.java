package org.drcc.kit.privacy;

import java.util.List;

/**
 * Keyring identifiers under which a service sealed a person's data besides the person's own identifier: a public
 * subscriber's address is sealed under the subscription's own key, so that unsubscribing can destroy it without
 * forgetting the address everywhere else. Erasing the person destroys these keys too.
 */
@FunctionalInterface
public interface DerivedSubjects {

    /** The identifiers derived for {@code person} (a user name or an address); empty when there are none. */
    List<String> of(String person);

    /**
     * Called once the keys of {@code identifiers} (what {@link #of} found for {@code person}) are destroyed, to end
     * what they served and drop what still leads from the person to them. Called again, with the same identifiers,
     * when a failed erasure is confirmed again: it must be idempotent.
     */
    default void destroyed(String person, List<String> identifiers) {
    }
}
