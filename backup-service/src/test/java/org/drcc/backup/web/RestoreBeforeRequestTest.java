package org.drcc.backup.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** POST /api/restores names one instant: before (the newest verified dump before it) or toTime (that instant). */
class RestoreBeforeRequestTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final Instant T = Instant.parse("2026-11-25T09:00:00Z");

    @Test
    void canNameBeforeOrToTime() {
        assertThat(VALIDATOR.validate(new RestoreBeforeRequest("foodtruck", T, null, "foodtruck_clean", true, "tertiary")))
                .isEmpty();
        assertThat(VALIDATOR.validate(new RestoreBeforeRequest("foodtruck", null, T, "foodtruck_0859", false, null)))
                .isEmpty();
    }

    @Test
    void cannotNameNeitherOrBoth() {
        assertThat(messages(new RestoreBeforeRequest("foodtruck", null, null, "foodtruck_x", false, null)))
                .singleElement().asString().contains("one of them");
        assertThat(messages(new RestoreBeforeRequest("foodtruck", T, T, "foodtruck_x", false, null)))
                .singleElement().asString().contains("one of them");
    }

    @Test
    void cannotRestoreToAnInstantOverTheLiveDatabaseOrFromOneTier() {
        assertThat(messages(new RestoreBeforeRequest("foodtruck", null, T, "foodtruck", true, null)))
                .singleElement().asString().contains("confirmOverwrite and from do not apply");
        assertThat(messages(new RestoreBeforeRequest("foodtruck", null, T, "foodtruck_x", false, "tertiary")))
                .singleElement().asString().contains("confirmOverwrite and from do not apply");
    }

    private static Set<String> messages(RestoreBeforeRequest request) {
        Set<ConstraintViolation<RestoreBeforeRequest>> violations = VALIDATOR.validate(request);
        return violations.stream().map(v -> v.getPropertyPath() + ": " + v.getMessage())
                .collect(java.util.stream.Collectors.toSet());
    }
}
