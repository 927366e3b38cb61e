package org.drcc.notification.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.drcc.kit.config.KitWebAutoConfiguration;
import org.drcc.kit.security.Roles;
import org.drcc.notification.config.NotificationAccess;
import org.drcc.notification.status.StatusBoard;
import org.drcc.notification.status.StatusView;
import org.drcc.testsupport.TestJwt;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** A public update is previewed by any responder, published only by the DR lead or support, and checked first. */
@WebMvcTest(PublicUpdateController.class)
@ImportAutoConfiguration(KitWebAutoConfiguration.class)
@org.springframework.context.annotation.Import(NotificationAccess.class)
class PublicUpdateControllerTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final StatusView.IncidentView SHOWN = new StatusView.IncidentView("i-1", "Ordering interrupted",
            "investigating", List.of("Ordering"), T0, T0, List.of(new StatusView.UpdateView("update", "Slow", T0)));

    @Autowired
    MockMvc mvc;
    @MockitoBean
    StatusBoard board;

    @Test
    void previewsWhatThePublicWillReadAndStoresNothing() throws Exception {
        when(board.preview("i-1", "Slow", null)).thenReturn(Optional.of(SHOWN));
        mvc.perform(post("/api/status/incidents/i-1/updates/preview").with(TestJwt.as(Roles.DEVOPS, "dev"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"Slow\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Ordering interrupted"))
                .andExpect(jsonPath("$.updates[0].text").value("Slow"));
        verify(board, never()).publish(any(), any(), any(), any());
    }

    @Test
    void publishesAsTheDrLeadWithTheCallerAndNotAsAnotherResponder() throws Exception {
        when(board.publish("i-1", "Slow", null, "dana")).thenReturn(Optional.of(SHOWN));
        mvc.perform(post("/api/status/incidents/i-1/updates").with(TestJwt.as(Roles.DR_LEAD, "dana"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"Slow\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/status/incidents/i-1/updates").with(TestJwt.as(Roles.DEVOPS, "dev"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"Slow\"}"))
                .andExpect(status().isForbidden());
        verify(board, never()).publish(any(), any(), any(), org.mockito.ArgumentMatchers.eq("dev"));
    }

    @Test
    void refusesAnEmptyTextAndAnIncidentThePageDoesNotShow() throws Exception {
        mvc.perform(post("/api/status/incidents/i-1/updates").with(TestJwt.as(Roles.SUPPORT, "sue"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("text")));
        when(board.publish(any(), any(), any(), any())).thenReturn(Optional.empty());
        mvc.perform(post("/api/status/incidents/drill-1/updates").with(TestJwt.as(Roles.SUPPORT, "sue"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"Slow\"}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("drills are never published")));
        verify(board, never()).publish(any(), org.mockito.ArgumentMatchers.eq("  "), any(), any());
    }
}
