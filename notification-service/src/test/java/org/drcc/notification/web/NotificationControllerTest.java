package org.drcc.notification.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.drcc.kit.config.KitWebAutoConfiguration;
import org.drcc.kit.rules.RuleRefusedException;
import org.drcc.notification.command.AcknowledgeNotificationCommand;
import org.drcc.notification.policy.AcknowledgeRefusedException;
import org.drcc.notification.policy.AcknowledgeRights;
import org.drcc.notification.query.DeadlineCount;
import org.drcc.notification.query.Deliveries;
import org.springframework.http.MediaType;
import org.junit.jupiter.api.Test;
import org.drcc.kit.security.Roles;
import org.drcc.notification.config.NotificationAccess;
import org.drcc.testsupport.TestJwt;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(NotificationController.class)
@ImportAutoConfiguration(KitWebAutoConfiguration.class) // a rule's refusal is the kit advice's to answer
@org.springframework.context.annotation.Import(NotificationAccess.class)
class NotificationControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CommandGateway commands;
    @MockitoBean
    Deliveries deliveries;
    @MockitoBean
    Clock clock;
    @MockitoBean
    AcknowledgeRights rights;

    @Test
    void refusesWhoIsNeitherOfTheAudienceNorTheDrLeadAndRecordsNothing() throws Exception {
        org.mockito.Mockito.doThrow(new AcknowledgeRefusedException("only a member of DR Team Lead ..."))
                .when(rights).check("n-1", "mallory");
        mvc.perform(post("/api/notifications/n-1/acknowledge").with(TestJwt.as(Roles.SUPPORT, "mallory")))
                .andExpect(status().isForbidden())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("only a member of DR Team Lead ..."));
        org.mockito.Mockito.verifyNoInteractions(commands);
    }

    @Test
    void acknowledgesWithTheActor() throws Exception {
        mvc.perform(post("/api/notifications/n-1/acknowledge").with(TestJwt.as(Roles.SUPPORT, "carol")))
                .andExpect(status().isNoContent());
        verify(commands).sendAndWait(any(AcknowledgeNotificationCommand.class));
    }

    @Test
    void theActorIsTheTokensCallerNotAHeader() throws Exception {
        mvc.perform(post("/api/notifications/n-1/acknowledge").with(TestJwt.as(Roles.DBA, "carol"))
                        .header("X-Actor", "mallory"))
                .andExpect(status().isNoContent());
        verify(commands).sendAndWait(org.mockito.ArgumentMatchers.<AcknowledgeNotificationCommand>argThat(
                c -> "carol".equals(c.actor())));
    }

    @Test
    void aViewerCannotAcknowledgeAndWithoutATokenNobodyCan() throws Exception {
        mvc.perform(post("/api/notifications/n-1/acknowledge").with(TestJwt.as(Roles.VIEWER, "vic")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Forbidden"));
        mvc.perform(post("/api/notifications/n-1/acknowledge"))
                .andExpect(status().isUnauthorized());
        org.mockito.Mockito.verifyNoInteractions(commands);
    }

    @Test
    void refusesToAcknowledgeWhatWasNotSent() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new RuleRefusedException("notification", "notification n-1 is FAILED"));
        mvc.perform(post("/api/notifications/n-1/acknowledge").with(TestJwt.as(Roles.SUPPORT, "carol")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("notification n-1 is FAILED"));
    }

    @Test
    void answersNotFoundForAnUnknownNotification() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new AggregateNotFoundException("n-9", "no such aggregate"));
        mvc.perform(post("/api/notifications/n-9/acknowledge").with(TestJwt.as(Roles.SUPPORT, "carol")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no notification has id n-9"));
    }

    @Test
    void deadlinesAreAskedForOneToTwoHundredIncidentsAndOtherwiseRefusedAsProblems() throws Exception {
        mvc.perform(get("/api/notifications/deadlines").with(TestJwt.as(Roles.VIEWER, "vic")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        var tooMany = get("/api/notifications/deadlines").with(TestJwt.as(Roles.VIEWER, "vic"));
        for (int i = 0; i <= 200; i++) {
            tooMany.param("incident", "i-" + i);
        }
        mvc.perform(tooMany)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        org.mockito.Mockito.verifyNoInteractions(deliveries);

        when(deliveries.deadlines(List.of("i-1", "i-2"))).thenReturn(List.of(
                new DeadlineCount("i-1", 1, 2, 0, Instant.parse("2026-12-04T10:15:00Z")),
                new DeadlineCount("i-2", 0, 0, 0, null)));
        mvc.perform(get("/api/notifications/deadlines?incident=i-1&incident=i-2").with(TestJwt.as(Roles.VIEWER, "vic")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].incidentId").value("i-1"))
                .andExpect(jsonPath("$[0].due").value(1))
                .andExpect(jsonPath("$[0].met").value(2))
                .andExpect(jsonPath("$[0].nextDue").value("2026-12-04T10:15:00Z"))
                .andExpect(jsonPath("$[1].incidentId").value("i-2"));
        mvc.perform(get("/api/notifications/deadlines?incident=i-1")).andExpect(status().isUnauthorized());
    }
}
