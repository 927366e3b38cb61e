package org.drcc.console.incident;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.drcc.console.api.ApiRefusal;
import org.drcc.console.api.Service;
import org.drcc.console.api.ServiceApi;
import org.drcc.console.page.Times;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The room's buttons: one API call each; a refusal shows the plan's reason; a token refused ends the session. */
@WebMvcTest({RoomActions.class, RoomController.class})
@Import({Times.class, RoomRestores.class})
@WithMockUser
class RoomActionsTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ServiceApi api;

    @Test
    void aRefusedStepShowsThePlansReasonInTheAlertRegion() throws Exception {
        when(api.post(eq(Service.INCIDENT), eq("/api/incidents/i-1/close"), any())).thenThrow(new ApiRefusal(409,
                "Refused by the plan", "Phase COMMUNICATION is not complete: team-updated is open"));
        mvc.perform(post("/incidents/i-1/step/CLOSED").header("HX-Request", "true").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("role=\"alert\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "Phase COMMUNICATION is not complete: team-updated is open")));
    }

    @Test
    void theOfferedBackupIsSentAsTheRestoresEvidence() throws Exception {
        when(api.post(eq(Service.INCIDENT), eq("/api/incidents/i-1/restore"), any())).thenReturn(Map.of());
        mvc.perform(post("/incidents/i-1/step/RESTORED").param("backup", "b-7@2026-11-30T09:00:00Z")
                        .header("HX-Request", "true").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("HX-Trigger", "refresh"));
        org.mockito.ArgumentCaptor<Object> body = org.mockito.ArgumentCaptor.forClass(Object.class);
        verify(api).post(eq(Service.INCIDENT), eq("/api/incidents/i-1/restore"), body.capture());
        @SuppressWarnings("unchecked")
        Map<String, Object> sent = (Map<String, Object>) body.getValue();
        org.assertj.core.api.Assertions.assertThat(sent)
                .containsEntry("backupId", "b-7").containsEntry("restorePoint", "2026-11-30T09:00:00Z");
    }

    @Test
    void anInstantBeforeTheDamageIsRestoredFromTheRoomAndFollowedUntilItsRowsAreCounted() throws Exception {
        when(api.post(eq(Service.BACKUP), eq("/api/restores"), any())).thenReturn(Map.of("restoreId", "r-9"));
        when(api.get(Service.BACKUP, "/api/restores/r-9")).thenReturn(Map.of("status", "RUNNING"));
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/incidents/5b0c1234-aa/restore-run").session(session)
                        .param("backup", "instant@foodtruck@2026-11-30T08:59:59.999999Z")
                        .header("HX-Request", "true").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Restore r-9 started into restored_5b0c1234")));
        org.mockito.ArgumentCaptor<Object> body = org.mockito.ArgumentCaptor.forClass(Object.class);
        verify(api).post(eq(Service.BACKUP), eq("/api/restores"), body.capture());
        org.assertj.core.api.Assertions.assertThat(body.getValue()).isEqualTo(Map.of("database", "foodtruck",
                "toTime", "2026-11-30T08:59:59.999999Z", "targetDatabase", "restored_5b0c1234"));
        mvc.perform(get("/incidents/5b0c1234-aa/restores").session(session).header("HX-Request", "true"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("RUNNING")))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("Record the restore step"))));

        when(api.get(Service.BACKUP, "/api/restores/r-9")).thenReturn(Map.of("status", "RESTORED",
                "reachedAt", "2026-11-30T08:59:58Z", "tables", 8, "rows", 1234));
        mvc.perform(get("/incidents/5b0c1234-aa/restores").session(session).header("HX-Request", "true"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("8 tables, 1234 rows")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"restoreId\" value=\"r-9\"")));
        mvc.perform(get("/incidents/other/restores").session(session).header("HX-Request", "true"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("r-9"))));
    }

    @Test
    void theRestoreStepOffersTheNewestVerifiedBackupAndTheInstantBeforeTheSuspectedStart() throws Exception {
        java.util.Map<String, Object> incident = new java.util.HashMap<>(Map.of("id", "i-1", "title", "Orders corrupted",
                "status", "CONTAINED", "phase", "RECOVERY", "severity", "HIGH", "scenario", "database-corruption",
                "allowedNext", java.util.List.of("RESTORED"), "declaredAt", "2026-11-30T09:05:00Z",
                "suspectedDamageStart", "2026-11-30T09:00:00Z", "windows", java.util.List.of(Map.of("phase", "RECOVERY",
                        "from", "PT1H", "until", "PT4H", "deadline", "2026-11-30T13:05:00Z", "state", "BREACHED"))));
        incident.putAll(Map.of("drill", false, "declaredBy", "dana", "detectedAt", "2026-11-30T09:05:00Z",
                "roles", Map.of(), "checklist", java.util.List.of(), "timeline", java.util.List.of()));
        incident.put("description", null);
        when(api.get(Service.INCIDENT, "/api/incidents/i-1")).thenReturn(incident);
        when(api.list(Service.BACKUP, "/api/policies")).thenReturn(java.util.List.of(Map.of("database", "foodtruck")));
        when(api.list(eq(Service.BACKUP), org.mockito.ArgumentMatchers.startsWith("/api/backups?verified=true")))
                .thenReturn(java.util.List.of(new java.util.HashMap<>(Map.of("backupId", "b-7abcdef12", "database", "foodtruck",
                        "snapshotAt", "2026-11-30T08:00:00Z", "verifiedAt", "2026-11-30T08:05:00Z",
                        "verificationDetail", "8 tables match the manifest"))));
        when(api.get(Service.BACKUP, "/api/holds/i-1")).thenReturn(Map.of("restorePointOffered", Map.of(
                "kind", "point-in-time", "database", "foodtruck", "toTime", "2026-11-30T08:59:59.999999Z")));
        mvc.perform(get("/incidents/i-1/live").header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"b-7abcdef12@2026-11-30T08:00:00Z\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("8 tables match the manifest")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "value=\"instant@foodtruck@2026-11-30T08:59:59.999999Z\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"restore-now\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Recovery: 1h-4h")));
    }

    @Test
    void anInstantIsNotVouchedForAsABackup() throws Exception {
        mvc.perform(post("/incidents/i-1/step/RESTORED").param("backup", "instant@foodtruck@2026-11-30T08:59:59Z")
                        .header("HX-Request", "true").with(csrf()))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("restore it (Restore now)")));
        org.mockito.Mockito.verifyNoInteractions(api);
    }

    @Test
    void aTokenNoLongerAcceptedLeadsBackToTheSignIn() throws Exception {
        when(api.post(eq(Service.INCIDENT), eq("/api/incidents/i-1/assess"), any()))
                .thenThrow(new ApiRefusal(401, "Unauthorized", "Jwt expired"));
        mvc.perform(post("/incidents/i-1/step/ASSESSED").header("HX-Request", "true").with(csrf()))
                .andExpect(header().string("HX-Redirect", "/signin?expired"));
    }

    @Test
    void withoutTheCsrfTokenNothingIsSent() throws Exception {
        mvc.perform(post("/incidents/i-1/step/CLOSED").header("HX-Request", "true"))
                .andExpect(status().isForbidden());
        org.mockito.Mockito.verifyNoInteractions(api);
    }
}
