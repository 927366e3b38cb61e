package org.drcc.contract;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of an event that holds personal data: a person's name, user name, e-mail address or
 * phone number. Where events are stored or published (the event stores, Kafka, the audit archive) the
 * field carries {@code pd:v1:<subject>:<ciphertext>}, encrypted with that person's own key; forgetting
 * the person destroys the key, and the field then reads {@code [forgotten]}.
 *
 * <p>The person is the field's own value (a user name, an address), or, with {@link #subject()}, the
 * value of another field of the same event: a message body belongs to the contact it was sent to.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface PersonalData {

    /** The field that names the person this value belongs to; empty for the field's own value. */
    String subject() default "";
}
