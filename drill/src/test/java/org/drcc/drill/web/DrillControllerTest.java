package org.drcc.drill.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.drcc.drill.config.DrillAccess;
import org.drcc.drill.job.DrillReports;
import org.drcc.drill.job.DrillRunner;
import org.drcc.drill.job.TestSchedule;
import org.drcc.drill.job.UnknownScenarioException;
import org.drcc.drill.query.DrillSummary;
import org.drcc.drill.query.DrillView;
import org.drcc.drill.query.Drills;
import org.drcc.kit.config.KitWebAutoConfiguration;
import org.drcc.kit.idempotency.IdempotencyKeys;
import org.drcc.kit.security.Roles;
import org.drcc.testsupport.TestJwt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(controllers = DrillController.class)
@org.springframework.context.annotation.Import(DrillAccess.class)
@ImportAutoConfiguration(KitWebAutoConfiguration.class)
class DrillControllerTest {

    private static final DrillSummary RUNNING = new DrillSummary("d-1", "database-corruption", "foodtruck", "manual",
            "RUNNING", "alice", null, Instant.parse("2026-11-25T10:00:00Z"), null, null, null, null, null, null, null,
            null, null, null, null, null);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Drills drills;

    @MockitoBean
    DrillRunner runner;

    @MockitoBean
    DrillReports reports;

    @MockitoBean
    TestSchedule schedule;

    @MockitoBean
    IdempotencyKeys idempotency;

    @BeforeEach
    void requestsWithoutAKeyRun() throws Exception {
        // as the kit's IdempotencyKeys does with a request that carries no Idempotency-Key: runs it as it is
        when(idempotency.startOnce(any(), isNull(), any(), any()))
                .thenAnswer(call -> call.<IdempotencyKeys.Start>getArgument(3).run());
    }

    @Test
    void canStartADrillAndPointsAtIt() throws Exception {
        when(runner.start("database-corruption", "manual", "alice")).thenReturn("d-1");
        when(drills.view("d-1")).thenReturn(new DrillView(RUNNING, List.of()));
        mvc.perform(post("/api/drills").with(TestJwt.as(Roles.DR_LEAD, "alice")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scenario\": \"database-corruption\"}"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/drills/d-1"))
                .andExpect(jsonPath("$.drill.status").value("RUNNING"));
    }

    @Test
    void cannotStartAnUnknownScenarioAndIsToldTheKnownOnes() throws Exception {
        when(runner.start(eq("meteor-strike"), any(), any())).thenThrow(new UnknownScenarioException("meteor-strike"));
        mvc.perform(post("/api/drills").with(TestJwt.as(Roles.DR_LEAD, "alice")).contentType(MediaType.APPLICATION_JSON).content("{\"scenario\": \"meteor-strike\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("meteor-strike")))
                .andExpect(jsonPath("$.knownScenarios[0]").value("database-corruption"))
                .andExpect(jsonPath("$.knownScenarios[5]").value("application-code-corruption"))
                .andExpect(jsonPath("$.knownScenarios").value(org.hamcrest.Matchers.hasItem("point-in-time-recovery")))
                .andExpect(jsonPath("$.knownScenarios.length()").value(org.drcc.drill.command.DrillScenario.ids().size()));
    }

    @Test
    void cannotStartWithoutAScenario() throws Exception {
        mvc.perform(post("/api/drills").with(TestJwt.as(Roles.DR_LEAD, "alice")).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        verify(runner, never()).start(any(), any(), any());
    }

    @Test
    void cannotReadTheReportOfADrillStillRunningOrUnknown() throws Exception {
        when(drills.summary("d-1")).thenReturn(Optional.of(RUNNING));
        when(reports.read(RUNNING)).thenReturn(Optional.empty());
        mvc.perform(get("/api/drills/d-1/report").with(TestJwt.as(Roles.DR_LEAD, "alice")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("RUNNING")));
        when(drills.summary("nope")).thenReturn(Optional.empty());
        mvc.perform(get("/api/drills/nope/report").with(TestJwt.as(Roles.DR_LEAD, "alice"))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("No such drill"));
    }

    @Test
    void canReadAStoredReportAsMarkdown() throws Exception {
        when(drills.summary("d-1")).thenReturn(Optional.of(RUNNING));
        when(reports.read(RUNNING)).thenReturn(Optional.of("# DR drill database-corruption: PASSED\n"));
        mvc.perform(get("/api/drills/d-1/report").with(TestJwt.as(Roles.DR_LEAD, "alice")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/markdown"))
                .andExpect(content().string(org.hamcrest.Matchers.startsWith("# DR drill")));
    }
}
