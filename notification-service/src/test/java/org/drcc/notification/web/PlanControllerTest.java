package org.drcc.notification.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.drcc.notification.plan.CommunicationPlan;
import org.drcc.notification.plan.PlanDocuments;
import org.drcc.notification.plan.PlanInForce;
import org.drcc.notification.plan.UnknownAudienceException;
import org.junit.jupiter.api.BeforeEach;
import org.drcc.kit.security.Roles;
import org.drcc.notification.config.NotificationAccess;
import org.drcc.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(PlanController.class)
@Import({PlanDocuments.class, NotificationAccess.class, PlanControllerTest.Egress.class})
class PlanControllerTest {

    /** The guard with a fixed table of names: this test asks no DNS server. */
    static class Egress {
        @org.springframework.context.annotation.Bean
        org.drcc.notification.egress.EgressGuard egressGuard() {
            return new org.drcc.notification.egress.FixedDns().guard();
        }
    }

    private static final String PLAN = """
            {"tiers": [{"id": "immediate", "deadline": "PT15M", "audiences": [{"name": "DR Team Lead",
              "contacts": [{"name": "hook", "channel": "webhook", "target": "https://ops.example.com/h/x", "secret": "s3"}]}]}]}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    PlanDocuments documents;
    @MockitoBean
    PlanInForce plan;

    @BeforeEach
    void inForce() {
        when(plan.get()).thenReturn(documents.read(PLAN));
        when(plan.revisionNumber()).thenReturn(3L);
    }

    @Test
    void showsThePlanWithoutKeys() throws Exception {
        mvc.perform(get("/api/plan").with(TestJwt.as(Roles.VIEWER, "vic"))).andExpect(status().isOk()).andExpect(header().string("ETag", "\"3\""))
                .andExpect(jsonPath("$.tiers[0].audiences[0].contacts[0].shownAs").value("ops.example.com"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("s3"))));
    }

    @Test
    void replacesThePlanWithItsActor() throws Exception {
        when(plan.replace(any(), eq("carol"))).thenReturn(4L);
        mvc.perform(put("/api/plan").with(TestJwt.as(Roles.DR_LEAD, "carol")).contentType(MediaType.APPLICATION_JSON).content(PLAN))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"4\""));
        verify(plan).replace(documents.read(PLAN), "carol");
    }

    @Test
    void cannotReplaceThePlanWithABadEmailAddressAndChangesNothing() throws Exception {
        String bad = PLAN.replace("\"channel\": \"webhook\", \"target\": \"https://ops.example.com/h/x\", \"secret\": \"s3\"",
                "\"channel\": \"email\", \"target\": \"lead@\"");
        mvc.perform(put("/api/plan").with(TestJwt.as(Roles.DR_LEAD, "carol")).contentType(MediaType.APPLICATION_JSON).content(bad))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("tiers[0].audiences[0].contacts[0]"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith(
                        "contact hook (email): 'lead@' is not an e-mail address")));
        verify(plan, never()).replace(any(), any());
    }

    @Test
    void cannotChangeThePlanWithoutATokenOrAsAnythingButTheDrLead() throws Exception {
        mvc.perform(put("/api/plan").contentType(MediaType.APPLICATION_JSON).content(PLAN))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(put("/api/plan").with(TestJwt.as(Roles.SUPPORT, "sue")).contentType(MediaType.APPLICATION_JSON)
                        .content(PLAN))
                .andExpect(status().isForbidden());
        verify(plan, never()).replace(any(), any());
    }

    @Test
    void replacesOneStakeholderGroupOrSaysItIsUnknown() throws Exception {
        String group = "{\"name\": \"Legal\", \"contacts\": [{\"name\": \"mail\", \"channel\": \"email\", "
                + "\"target\": \"legal@example.com\"}]}";
        when(plan.replaceAudience(eq("Legal"), any(CommunicationPlan.Audience.class), eq("dan"))).thenReturn(5L);
        mvc.perform(put("/api/plan/audiences/Legal").with(TestJwt.as(Roles.DR_LEAD, "dan"))
                        .contentType(MediaType.APPLICATION_JSON).content(group))
                .andExpect(status().isOk()).andExpect(header().string("ETag", "\"5\""));
        when(plan.replaceAudience(eq("Legal"), any(CommunicationPlan.Audience.class), eq("dan")))
                .thenThrow(new UnknownAudienceException("Legal"));
        mvc.perform(put("/api/plan/audiences/Legal").with(TestJwt.as(Roles.DR_LEAD, "dan"))
                        .contentType(MediaType.APPLICATION_JSON).content(group))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("no stakeholder group 'Legal'")));
    }

    /** The security review's attack: a webhook to the cloud's metadata service, through the plan API. */
    @Test
    void cannotPointAStakeholderGroupAtTheCloudMetadataServiceAndChangesNothing() throws Exception {
        String group = "{\"name\": \"Legal\", \"contacts\": [{\"name\": \"mail\", \"channel\": \"email\", "
                + "\"target\": \"legal@example.com\"}, {\"name\": \"hook\", \"channel\": \"webhook\", "
                + "\"target\": \"http://169.254.169.254/latest/meta-data/\", \"secret\": \"s\"}]}";
        mvc.perform(put("/api/plan/audiences/Legal").with(TestJwt.as(Roles.DR_LEAD, "dan"))
                        .contentType(MediaType.APPLICATION_JSON).content(group))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("contacts[1].target"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("169.254.169.254 is a link-local address"),
                        org.hamcrest.Matchers.containsString("dr.notification.allowed-hosts"))));
        verify(plan, never()).replaceAudience(any(), any(), any());
    }

    @Test
    void cannotTakeAGroupWithAnUnreadableBody() throws Exception {
        mvc.perform(put("/api/plan/audiences/Legal").with(TestJwt.as(Roles.DR_LEAD, "dan"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("not valid JSON")));
    }
}
