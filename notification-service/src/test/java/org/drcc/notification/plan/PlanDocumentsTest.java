package org.drcc.notification.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;

/** A plan sent through the API is read strictly and checked as a whole; every refusal names the field. */
class PlanDocumentsTest {

    private final PlanDocuments documents = new PlanDocuments(JsonMapper.builder().findAndAddModules().build(),
            Validation.buildDefaultValidatorFactory().getValidator(),
            new org.drcc.notification.egress.FixedDns().guard());

    static String plan(String leadContacts, String extra) {
        return """
                {"tiers": [
                  {"id": "immediate", "deadline": "PT15M", "audiences": [
                    {"name": "DR Team Lead", "contacts": [%s]},
                    {"name": "Board", "severities": ["CRITICAL"]}]},
                  {"id": "within-1h", "deadline": "PT1H", "audiences": [{"name": "Support Team"}]}],
                 "escalation": {"tier": "immediate", "after": "PT15M", "audiences": [{"name": "Management"}]},
                 "databases": [{"database": "foodtruck", "owners": [{"name": "DBAs",
                    "contacts": [{"name": "mail", "channel": "email", "target": "dba@example.com"}]}]}]%s}
                """.formatted(leadContacts, extra);
    }

    private static final String SLACK =
            "{\"name\": \"slack\", \"channel\": \"slack\", \"target\": \"https://hooks.slack.com/services/T/B/x\"}";
    private static final String HOOK =
            "{\"name\": \"hook\", \"channel\": \"webhook\", \"target\": \"https://ops.example.com/h?token=T0K3N\", \"secret\": \"s3\"}";

    @Test
    void readsAWholePlanWithDatabaseOwners() {
        CommunicationPlan plan = documents.read(plan(SLACK + ", " + HOOK, ""));
        assertThat(plan.tiers()).hasSize(2);
        assertThat(plan.ownersOf("foodtruck")).singleElement().satisfies(a -> assertThat(a.name()).isEqualTo("DBAs"));
        assertThat(plan.contact("DR Team Lead", "hook")).get().satisfies(c -> assertThat(c.secret()).isEqualTo("s3"));
        assertThat(documents.read(documents.write(plan))).as("stored and read back unchanged").isEqualTo(plan);
    }

    @Test
    void theShownPlanWarnsOfEveryAudienceNobodyWouldHear() {
        CommunicationPlan plan = documents.read(plan(SLACK, ""));
        assertThat(plan.audiencesWithoutContact()).containsExactly("Board", "Support Team", "Management");
        assertThat(documents.shown(plan).path("warnings")).hasSize(3)
                .first().satisfies(w -> assertThat(w.asText()).startsWith("audience 'Board' has no contact")
                        .contains("reach nobody").contains("deadlines are not met"));
    }

    @Test
    void cannotTakeAnExtendedOutageRuleThatIsNotAPositiveDuration() {
        for (String duration : new String[] {"PT0S", "-PT1H"}) {
            PlanRejectedException e = catchThrowableOfType(PlanRejectedException.class, () -> documents.read(plan(SLACK,
                    ", \"planOwners\": [{\"name\": \"Users by E-mail\", \"openLongerThan\": \"" + duration + "\"}]")));
            assertThat(e.problems()).as(duration).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("planOwners[0].openLongerThan");
                assertThat(p.message()).startsWith("must be positive, e.g. PT1H");
            });
        }
        assertThat(documents.read(plan(SLACK, ", \"planOwners\": [{\"name\": \"Users\", \"openLongerThan\": \"PT1H\"}]"))
                .planOwners()).singleElement().satisfies(a -> assertThat(a.openLongerThan()).hasHours(1));
    }

    @Test
    void cannotTakeABadWebhookUrlAndSaysWhereAndWhy() {
        PlanRejectedException e = catchThrowableOfType(PlanRejectedException.class, () -> documents.read(
                plan(SLACK + ", {\"name\": \"teams\", \"channel\": \"teams\", \"target\": \"outlook.office.com/x\"}", "")));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("tiers[0].audiences[0].contacts[1]");
            assertThat(p.message()).isEqualTo(
                    "contact teams (teams): not an http(s) URL: it has no scheme (write it as https://...)");
        });
    }

    @Test
    void cannotTakeAWebhookIntoTheCloudMetadataServiceOrThisMachineAndSaysHowToAllowAHost() {
        PlanRejectedException e = catchThrowableOfType(PlanRejectedException.class, () -> documents.read(plan(SLACK
                + ", {\"name\": \"hook\", \"channel\": \"webhook\", \"target\": "
                + "\"http://169.254.169.254/latest/meta-data/\", \"secret\": \"s\"}", "")
                .replace("\"target\": \"dba@example.com\"}", "\"target\": \"dba@example.com\"},"
                        + " {\"name\": \"chat\", \"channel\": \"teams\", \"target\": \"http://127.0.0.1:8080/x\"}")));
        assertThat(e.problems()).extracting(PlanProblem::field).containsExactly(
                "tiers[0].audiences[0].contacts[1].target", "databases[0].owners[0].contacts[1].target");
        assertThat(e.problems().get(0).message()).contains("169.254.169.254 is a link-local address",
                "dr.notification.allowed-hosts");
        assertThat(e.problems().get(1).message()).contains("127.0.0.1 is a loopback address");
    }

    @Test
    void cannotTakeABadEmailAddress() {
        PlanRejectedException e = catchThrowableOfType(PlanRejectedException.class, () -> documents.read(
                plan("{\"name\": \"mail\", \"channel\": \"email\", \"target\": \"lead.example.com\"}", "")));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("tiers[0].audiences[0].contacts[0]");
            assertThat(p.message()).startsWith("contact mail (email): 'lead.example.com' is not an e-mail address");
        });
    }

    @Test
    void cannotTakeAnUnknownFieldOrChannel() {
        assertThat(catchThrowableOfType(PlanRejectedException.class, () -> documents.read(plan(SLACK, ", \"tires\": []")))
                .problems()).singleElement().satisfies(p -> assertThat(p.message()).isEqualTo("unknown field 'tires'"));
        assertThat(catchThrowableOfType(PlanRejectedException.class, () -> documents.read(
                plan("{\"name\": \"x\", \"channel\": \"fax\", \"target\": \"1\"}", ""))).problems())
                .singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("tiers[0].audiences[0].contacts[0].channel"));
    }

    @Test
    void cannotTakeAPlanWhoseNamesAreAmbiguousOrMissing() {
        String twice = plan(SLACK + ", " + SLACK.replace("T/B/x", "T/B/y"), "")
                .replace("\"name\": \"Support Team\"", "\"name\": \"Board\"")
                .replace("\"tier\": \"immediate\"", "\"tier\": \"urgent\"");
        assertThat(catchThrowableOfType(PlanRejectedException.class, () -> documents.read(twice)).problems())
                .extracting(PlanProblem::field).containsExactlyInAnyOrder("tiers[0].audiences[0].contacts[1].name",
                        "tiers[1].audiences[0].name", "escalation.tier");
        assertThat(catchThrowableOfType(PlanRejectedException.class, () -> documents.read(
                plan(SLACK, "").replace("\"deadline\": \"PT1H\", ", ""))).problems())
                .singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("tiers[1].deadline"));
    }

    @Test
    void showsNoTargetOrSecret() {
        String shown = documents.shown(documents.read(plan(SLACK + ", " + HOOK, ""))).toString();
        assertThat(shown).contains("\"shownAs\":\"hooks.slack.com\"", "\"shownAs\":\"ops.example.com\"",
                "dba@example.com").doesNotContain("services/T/B/x", "T0K3N", "\"s3\"", "target", "secret");
    }
}
