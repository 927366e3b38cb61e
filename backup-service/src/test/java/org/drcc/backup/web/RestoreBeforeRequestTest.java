package org.drcc.backup.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * POST /api/restores names one instant: before (the newest verified dump before it), toTime (that instant) or
 * toEndOfArchive (all the WAL archive holds).
 */
class RestoreBeforeRequestTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final Instant T = Instant.parse("2026-11-25T09:00:00Z");

    @Test
    void canNameBeforeOrToTime() {
        assertThat(VALIDATOR.validate(new RestoreBeforeRequest("foodtruck", T, null, "foodtruck_clean", true, "tertiary",
                false))).isEmpty();
        assertThat(VALIDATOR.validate(new RestoreBeforeRequest("foodtruck", null, T, "foodtruck_0859", false, null,
                false))).isEmpty();
    }

    @Test
    void cannotNameNeitherOrBoth() {
        assertThat(messages(new RestoreBeforeRequest("foodtruck", null, null, "foodtruck_x", false, null, false)))
                .singleElement().asString().contains("one of them");
        assertThat(messages(new RestoreBeforeRequest("foodtruck", T, T, "foodtruck_x", false, null, false)))
                .singleElement().asString().contains("one of them");
    }

    @Test
    void cannotRestoreToAnInstantOverTheLiveDatabaseOrFromOneTier() {
        assertThat(messages(new RestoreBeforeRequest("foodtruck", null, T, "foodtruck", true, null, false)))
                .singleElement().asString().contains("confirmOverwrite and from do not apply");
        assertThat(messages(new RestoreBeforeRequest("foodtruck", null, T, "foodtruck_x", false, "tertiary", false)))
                .singleElement().asString().contains("confirmOverwrite and from do not apply");
    }

    @Test
    void canRestoreToTheEndOfTheArchiveFromOneTierIntoTheProtectedDatabasesNameButNeverOverIt() {
        assertThat(VALIDATOR.validate(new RestoreBeforeRequest("foodtruck", null, null, "foodtruck", false, "tertiary",
                true))).isEmpty();
        assertThat(messages(new RestoreBeforeRequest("foodtruck", null, null, "foodtruck", true, null, true)))
                .singleElement().asString().contains("confirmOverwrite does not apply");
        assertThat(messages(new RestoreBeforeRequest("foodtruck", null, T, "foodtruck_x", false, null, true)))
                .singleElement().asString().contains("one of them");
    }

    private static Set<String> messages(RestoreBeforeRequest request) {
        Set<ConstraintViolation<RestoreBeforeRequest>> violations = VALIDATOR.validate(request);
        return violations.stream().map(v -> v.getPropertyPath() + ": " + v.getMessage())
                .collect(java.util.stream.Collectors.toSet());
    }
}
