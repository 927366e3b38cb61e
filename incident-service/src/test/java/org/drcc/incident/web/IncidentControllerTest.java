package org.drcc.incident.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.incident.query.IncidentHistory;
import org.drcc.incident.query.IncidentNotFoundException;
import org.drcc.incident.plan.Plan;
import org.drcc.incident.config.IncidentAccess;
import org.drcc.kit.config.KitWebAutoConfiguration;
import org.drcc.kit.idempotency.IdempotencyKeys;
import org.drcc.kit.security.Roles;
import org.drcc.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@WebMvcTest(controllers = IncidentController.class)
@ImportAutoConfiguration(KitWebAutoConfiguration.class)
@org.springframework.context.annotation.Import(IncidentAccess.class)
class IncidentControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CommandGateway commands;

    @MockitoBean
    IncidentHistory history;

    @MockitoBean
    IdempotencyKeys idempotency;

    @MockitoBean
    org.drcc.incident.query.IncidentSummaryProjection summaries;

    @org.junit.jupiter.api.BeforeEach
    void runRequestsOnce() {
        org.mockito.Mockito.when(idempotency.once(any(), any(), any(), any()))
                .thenAnswer(call -> call.<java.util.function.Supplier<?>>getArgument(3).get());
    }

    @TestConfiguration
    static class Beans {
        @Bean
        Plan plan() {
            return Plan.load(new ClassPathResource("plan.yml"));
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    @Test
    void malformedJsonIsA400Problem() throws Exception {
        declare("{\"scenario\": \"database-corruption\", \"title\": ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("the request body is not valid JSON"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void unknownScenarioNamesTheField() throws Exception {
        declare("{\"scenario\": \"alien-invasion\", \"title\": \"x\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("scenario"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("alien-invasion")));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void missingTitleNamesTheField() throws Exception {
        declare("{\"scenario\": \"database-corruption\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void unknownSeverityListsTheAllowedValues() throws Exception {
        declare("{\"scenario\": \"database-corruption\", \"title\": \"x\", \"severity\": \"APOCALYPTIC\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("field 'severity'")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("CRITICAL")));
    }

    @Test
    void suspectedStartInTheFutureIsRefused() throws Exception {
        declare("{\"scenario\": \"database-corruption\", \"title\": \"x\", \"suspectedDamageStart\": \"2999-01-01T00:00:00Z\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("suspectedDamageStart"));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aDeclarationWithoutATokenIsA401() throws Exception {
        mvc.perform(post("/api/incidents").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scenario\": \"database-corruption\", \"title\": \"x\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void onlyTheDrLeadDeclares() throws Exception {
        mvc.perform(post("/api/incidents").with(TestJwt.as(Roles.DEVOPS)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scenario\": \"database-corruption\", \"title\": \"x\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("your token carries [devops]")));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aViewerReadsTheList() throws Exception {
        mvc.perform(get("/api/incidents").with(TestJwt.as(Roles.VIEWER)))
                .andExpect(status().isOk());
    }

    @Test
    void unknownIncidentIsA404Problem() throws Exception {
        org.mockito.Mockito.when(history.current("nope")).thenThrow(new IncidentNotFoundException("no incident has id nope"));
        mvc.perform(viewer(get("/api/incidents/nope")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("no incident has id nope"));
    }

    @Test
    void aPageLargerThanTheCapIsRefused() throws Exception {
        mvc.perform(viewer(get("/api/incidents").param("size", "10000")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("size must be less than or equal to 200"));
    }

    @Test
    void unparseableAsOfIsA400() throws Exception {
        mvc.perform(viewer(get("/api/incidents/x").param("asOf", "yesterday")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder viewer(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) {
        return request.with(TestJwt.as(Roles.VIEWER));
    }

    private ResultActions declare(String body) throws Exception {
        return mvc.perform(post("/api/incidents").contentType(MediaType.APPLICATION_JSON).with(TestJwt.as(Roles.DR_LEAD))
                .content(body));
    }
}
