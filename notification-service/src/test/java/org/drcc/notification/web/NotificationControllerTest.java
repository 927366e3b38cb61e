package org.drcc.notification.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.drcc.kit.config.KitWebAutoConfiguration;
import org.drcc.kit.rules.RuleRefusedException;
import org.drcc.notification.command.AcknowledgeNotificationCommand;
import org.drcc.notification.policy.AcknowledgeRefusedException;
import org.drcc.notification.policy.AcknowledgeRights;
import org.drcc.notification.query.Deliveries;
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
}
