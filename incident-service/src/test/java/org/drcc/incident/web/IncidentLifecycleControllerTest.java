package org.drcc.incident.web;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.drcc.incident.query.IncidentHistory;
import org.drcc.incident.config.IncidentAccess;
import org.drcc.kit.config.KitWebAutoConfiguration;
import org.drcc.kit.idempotency.IdempotencyKeys;
import org.drcc.kit.rules.RuleRefusedException;
import org.drcc.kit.security.Roles;
import org.drcc.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.drcc.incident.evidence.RestoreLinks;
import org.drcc.incident.evidence.SeenEvents;
import org.drcc.incident.plan.Plan;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@WebMvcTest(controllers = IncidentLifecycleController.class)
@ImportAutoConfiguration({KitWebAutoConfiguration.class, SpringDocConfiguration.class, SpringDocConfigProperties.class,
        SpringDocWebMvcConfiguration.class})
@Import({IncidentCommands.class, IncidentAccess.class, RestoreLinks.class})
class IncidentLifecycleControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CommandGateway gateway;

    @MockitoBean
    IncidentHistory history;

    @MockitoBean
    IdempotencyKeys idempotency;

    @MockitoBean
    SeenEvents seen;

    @MockitoBean
    Plan plan;

    @TestConfiguration
    static class Beans {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @BeforeEach
    void runRequestsOnce() {
        when(idempotency.once(any(), any(), any(), any())).thenAnswer(call -> call.<Supplier<?>>getArgument(3).get());
    }

    @Test
    void anIllegalTransitionIsA409NamingTheAllowedSteps() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new RuleRefusedException("incident",
                "the incident is DECLARED and cannot become VALIDATED; allowed next: [ASSESSED, CANCELLED]"));
        mvc.perform(json(post("/api/incidents/i-1/validate"), "{\"passed\": true}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("allowed next")));
    }

    @Test
    void aStaleIfMatchIsA412() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new ConflictingAggregateVersionException("i-1", 3, 5));
        mvc.perform(json(post("/api/incidents/i-1/notes"), "{\"text\": \"eta 11:00\"}").header("If-Match", "\"3\""))
                .andExpect(status().isPreconditionFailed())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("version 5")));
    }

    @Test
    void aMalformedIfMatchIsA400() throws Exception {
        mvc.perform(json(post("/api/incidents/i-1/notes"), "{\"text\": \"eta 11:00\"}").header("If-Match", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void twoIfMatchHeadersAreReadTogetherSoNeitherIsTakenAlone() throws Exception {
        mvc.perform(json(post("/api/incidents/i-1/notes"), "{\"text\": \"eta 11:00\"}").header("If-Match", "\"3\"", "\"4\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void anUnknownIncidentIsA404() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new AggregateNotFoundException("nope", "not found"));
        mvc.perform(json(post("/api/incidents/nope/assess"), "{}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no incident has id nope"));
    }

    @Test
    void aChangeWithoutATokenIsA401Problem() throws Exception {
        mvc.perform(post("/api/incidents/i-1/assess").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Authorization: Bearer")));
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void onlyTheDrLeadWaivesAChecklistItem() throws Exception {
        mvc.perform(post("/api/incidents/i-1/checklist/impact-assessed/waive").with(TestJwt.as(Roles.DBA, "dana"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"not needed\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("[dr-lead]")));
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void theActorIsTheTokensCallerNeverAHeader() throws Exception {
        when(history.current("i-1")).thenReturn(org.mockito.Mockito.mock(org.drcc.incident.query.IncidentView.class));
        mvc.perform(json(post("/api/incidents/i-1/notes"), "{\"text\": \"eta 11:00\"}").header("X-Actor", "mallory"));
        org.mockito.ArgumentCaptor<org.drcc.incident.command.AddNoteCommand> sent =
                org.mockito.ArgumentCaptor.forClass(org.drcc.incident.command.AddNoteCommand.class);
        verify(gateway).sendAndWait(sent.capture());
        org.assertj.core.api.Assertions.assertThat(sent.getValue().actor()).isEqualTo("dana");
    }

    @Test
    void aValidationWithoutItsResultNamesTheField() throws Exception {
        mvc.perform(json(post("/api/incidents/i-1/validate"), "{\"summary\": \"looks fine\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("passed"));
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void anUnknownRoleIsA400() throws Exception {
        mvc.perform(json(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .put("/api/incidents/i-1/roles/JANITOR"), "{\"person\": \"bob\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void everyChangeDocumentsItsTwoHeadersAndNothingOfTheCaller() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(jsonPath("$.paths.*.*.operationId", hasSize(11)))
                .andExpect(jsonPath("$.paths.*.*.parameters[?(@.in == 'header' && @.name == 'If-Match' && @.required == false"
                        + " && @.schema.type == 'string')]", hasSize(11)))
                .andExpect(jsonPath("$.paths.*.*.parameters[?(@.in == 'header' && @.name == 'Idempotency-Key'"
                        + " && @.required == false && @.schema.type == 'string')]", hasSize(11)))
                .andExpect(jsonPath("$.paths.*.*.parameters[?(@.in != 'path' && @.in != 'header')]", empty()));
    }

    @Test
    void aRestoreNamingARestoreBackupServiceHasNotReportedIsA409AndNothingIsRecorded() throws Exception {
        when(seen.restore("r-9")).thenReturn(java.util.Optional.empty());
        mvc.perform(json(post("/api/incidents/i-1/restore"), "{\"restoreId\": \"r-9\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("restore r-9")));
        verify(gateway, never()).sendAndWait(any());
    }

    @Test
    void aTypedBackupIdThatIsNotTheLinkedRestoresIsA400NamingTheField() throws Exception {
        when(seen.restore("r-7")).thenReturn(java.util.Optional.of(new SeenEvents.SeenRestore("r-7", "e-1", "b-42",
                "foodtruck", "foodtruck_copy", java.time.Instant.parse("2026-11-25T08:00:00Z"), "primary s3://b/k",
                java.time.Instant.parse("2026-11-25T10:00:00Z"), "dr.backup.restored.v1")));
        mvc.perform(json(post("/api/incidents/i-1/restore"), "{\"restoreId\": \"r-7\", \"backupId\": \"b-41\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("backupId"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("b-42")));
        verify(gateway, never()).sendAndWait(any());
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.with(TestJwt.as(Roles.DR_LEAD, "dana")).contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
