package org.drcc.console.incident;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.drcc.console.api.ApiRefusal;
import org.drcc.console.api.Service;
import org.drcc.console.api.ServiceApi;
import org.drcc.console.page.Times;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The board shows every open incident, however many a regional disaster opens, and no closed one; a refresh reads
 * again only the incidents that changed, and every incident's deadlines in one question per 200.
 */
@WebMvcTest(BoardController.class)
@Import({Times.class, BoardViews.class})
@WithMockUser
class BoardTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ServiceApi api;

    @Test
    void anOpenIncidentOlderThanTheNewest200IsStillOnTheBoard() throws Exception {
        // 201 open incidents: the oldest is on the list's second page
        List<Map<String, Object>> newest = IntStream.range(0, 200).mapToObj(i -> summary("i-" + i)).toList();
        when(api.list(Service.INCIDENT, "/api/incidents?open=true&size=200&page=0")).thenReturn(newest);
        when(api.list(Service.INCIDENT, "/api/incidents?open=true&size=200&page=1"))
                .thenReturn(List.of(summary("i-199"), summary("i-oldest")));
        when(api.get(eq(Service.INCIDENT), anyString())).thenAnswer(call -> {
            String id = call.getArgument(1, String.class).substring("/api/incidents/".length());
            return view(id, id.equals("i-7") ? "CLOSED" : "DECLARED");
        });
        deadlinesCounted();
        mvc.perform(get("/board/rows").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"incident-i-oldest\"")))
                .andExpect(content().string(containsString("id=\"incident-i-0\"")))
                // closed between the list and the read
                .andExpect(content().string(not(containsString("id=\"incident-i-7\""))))
                .andExpect(result -> org.assertj.core.api.Assertions.assertThat(
                        result.getResponse().getContentAsString().split("id=\"incident-i-199\"", -1))
                        .as("an incident on two pages is one row").hasSize(2));
    }

    @Test
    void aRefreshReadsAgainOnlyTheIncidentsThatChangedAndAsksForAllDeadlinesAtOnce() throws Exception {
        when(api.list(Service.INCIDENT, "/api/incidents?open=true&size=200&page=0"))
                .thenReturn(List.of(summary("quiet", 3), summary("busy", 5)));
        when(api.get(Service.INCIDENT, "/api/incidents/quiet")).thenReturn(view("quiet", "DECLARED"));
        when(api.get(Service.INCIDENT, "/api/incidents/busy")).thenReturn(view("busy", "DECLARED"));
        deadlinesCounted();
        mvc.perform(get("/board/rows").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2 due")));

        // an event on one incident: its version moves, the other's does not
        when(api.list(Service.INCIDENT, "/api/incidents?open=true&size=200&page=0"))
                .thenReturn(List.of(summary("quiet", 3), summary("busy", 6)));
        when(api.get(Service.INCIDENT, "/api/incidents/busy")).thenReturn(view("busy", "ASSESSED"));
        mvc.perform(get("/board/rows").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ASSESSED")));

        verify(api, times(1)).get(Service.INCIDENT, "/api/incidents/quiet");
        verify(api, times(2)).get(Service.INCIDENT, "/api/incidents/busy");
        verify(api, times(2)).list(eq(Service.NOTIFICATION), anyString());
    }

    @Test
    void withNotificationServiceSilentTheBoardSaysSoAndStillShowsTheIncidents() throws Exception {
        when(api.list(Service.INCIDENT, "/api/incidents?open=true&size=200&page=0"))
                .thenReturn(List.of(summary("lonely", 1)));
        when(api.get(Service.INCIDENT, "/api/incidents/lonely")).thenReturn(view("lonely", "DECLARED"));
        when(api.list(eq(Service.NOTIFICATION), anyString()))
                .thenThrow(new ApiRefusal(503, "notification-service not reachable", "connection refused"));
        mvc.perform(get("/board/rows").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"incident-lonely\"")))
                .andExpect(content().string(containsString("notification-service not reachable")));
    }

    /** notification-service's answer: two deadlines due for each incident asked; at most 200 asked at once. */
    private void deadlinesCounted() {
        when(api.list(eq(Service.NOTIFICATION), startsWith("/api/notifications/deadlines?"))).thenAnswer(call -> {
            List<String> asked = Arrays.stream(call.getArgument(1, String.class).split("\\?")[1].split("&"))
                    .map(p -> p.substring("incident=".length())).toList();
            org.assertj.core.api.Assertions.assertThat(asked).hasSizeBetween(1, 200);
            return asked.stream().map(id -> Map.<String, Object>of("incidentId", id, "due", 2, "met", 0,
                    "breached", 0, "nextDue", "2026-12-04T05:15:00Z")).toList();
        });
    }

    private static Map<String, Object> summary(String id) {
        return summary(id, 0);
    }

    private static Map<String, Object> summary(String id, long version) {
        return Map.of("id", id, "status", "DECLARED", "version", version);
    }

    private static Map<String, Object> view(String id, String status) {
        return Map.of("id", id, "title", "Orders table corrupted " + id, "scenario", "database-corruption",
                "severity", "HIGH", "status", status, "phase", "ASSESSMENT", "drill", false,
                "declaredAt", "2026-12-04T05:00:00Z", "rto", "PT2H");
    }
}
