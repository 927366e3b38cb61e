package org.drcc.console.incident;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
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

/** The board shows every open incident, however many a regional disaster opens, and no closed one. */
@WebMvcTest(BoardController.class)
@Import(Times.class)
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

    private static Map<String, Object> summary(String id) {
        return Map.of("id", id, "status", "DECLARED");
    }

    private static Map<String, Object> view(String id, String status) {
        return Map.of("id", id, "title", "Orders table corrupted " + id, "scenario", "database-corruption",
                "severity", "HIGH", "status", status, "phase", "ASSESSMENT", "drill", false,
                "declaredAt", "2026-12-04T05:00:00Z", "rto", "PT2H");
    }
}
