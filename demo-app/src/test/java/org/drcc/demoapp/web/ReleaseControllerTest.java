package org.drcc.demoapp.web;

import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.drcc.demoapp.release.Deployment;
import org.drcc.demoapp.release.Release;
import org.drcc.demoapp.release.ReleaseLedger;
import org.drcc.demoapp.release.UnknownReleaseException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(ReleaseController.class)
@Import({DemoSecurity.class, ReleaseProblems.class})
class ReleaseControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ReleaseLedger ledger;

    @MockitoBean
    JwtDecoder decoder;

    @Test
    void anyoneReadsTheRunningRelease() throws Exception {
        when(ledger.current()).thenReturn(Release.V1_1_0);
        when(ledger.history()).thenReturn(List.of());
        mvc.perform(get("/api/release")).andExpect(status().isOk()).andExpect(jsonPath("$.running").value("1.1.0"));
    }

    @Test
    void cannotDeployWithoutATokenOrWithAReadersRole() throws Exception {
        mvc.perform(post("/api/deployments").contentType(MediaType.APPLICATION_JSON).content("{\"release\": \"1.1.0\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/instance/stop").with(jwt().authorities(new SimpleGrantedAuthority("ROLE_viewer"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void canDeployAsDevopsAndAnUnknownReleaseIsA400NamingTheKnownOnes() throws Exception {
        when(ledger.deploy("1.1.0", "dana")).thenReturn(new Deployment(Instant.EPOCH, "1.1.0", "dana", false));
        mvc.perform(post("/api/deployments").with(jwt().jwt(j -> j.subject("dana"))
                                .authorities(new SimpleGrantedAuthority("ROLE_devops")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"release\": \"1.1.0\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.release").value("1.1.0"));
        when(ledger.deploy("9.9.9", "dana")).thenThrow(new UnknownReleaseException("9.9.9"));
        mvc.perform(post("/api/deployments").with(jwt().jwt(j -> j.subject("dana"))
                                .authorities(new SimpleGrantedAuthority("ROLE_dr-lead")))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"release\": \"9.9.9\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("1.2.0-broken")));
    }
}
