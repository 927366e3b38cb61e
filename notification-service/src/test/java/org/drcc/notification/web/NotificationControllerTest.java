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
import org.drcc.notification.command.AcknowledgeNotificationCommand;
import org.drcc.notification.command.NotificationRuleException;
import org.drcc.notification.query.Deliveries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(NotificationController.class)
class NotificationControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CommandGateway commands;
    @MockitoBean
    Deliveries deliveries;
    @MockitoBean
    Clock clock;

    @Test
    void acknowledgesWithTheActor() throws Exception {
        mvc.perform(post("/api/notifications/n-1/acknowledge").header("X-Actor", "carol"))
                .andExpect(status().isNoContent());
        verify(commands).sendAndWait(any(AcknowledgeNotificationCommand.class));
    }

    @Test
    void refusesToAcknowledgeWhatWasNotSent() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new NotificationRuleException("notification n-1 is FAILED"));
        mvc.perform(post("/api/notifications/n-1/acknowledge").header("X-Actor", "carol"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("notification n-1 is FAILED"));
    }

    @Test
    void answersNotFoundForAnUnknownNotification() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new AggregateNotFoundException("n-9", "no such aggregate"));
        mvc.perform(post("/api/notifications/n-9/acknowledge").header("X-Actor", "carol"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no notification has id n-9"));
    }
}
