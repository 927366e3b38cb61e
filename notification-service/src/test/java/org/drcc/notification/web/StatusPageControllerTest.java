package org.drcc.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.drcc.notification.status.StatusBoard;
import org.drcc.notification.status.StatusView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.drcc.kit.security.Roles;
import org.drcc.notification.config.NotificationAccess;
import org.drcc.testsupport.TestJwt;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;

@WebMvcTest(StatusPageController.class)
@org.springframework.context.annotation.Import(NotificationAccess.class)
class StatusPageControllerTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final String EVIL = "<script>alert('x')</script> & \"more\"";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    StatusBoard board;

    @BeforeEach
    void view() {
        when(board.view()).thenReturn(new StatusView("Food Truck Management System", T0, false,
                List.of(new StatusView.ComponentView("Trucks & locations", "affected", true)),
                List.of(new StatusView.IncidentView("i-1", EVIL, "investigating", List.of("Trucks & locations"), T0, T0,
                        List.of(new StatusView.UpdateView("update", EVIL, T0)))),
                List.of(new StatusView.FeedEntry("urn:drcc-status:e-1", "i-1", EVIL, "update", EVIL, T0)),
                List.of(new org.drcc.notification.status.UptimeBar("Trucks & locations", 99.5, List.of(
                        new org.drcc.notification.status.UptimeBar.Day(java.time.LocalDate.parse("2026-11-25"), 90, "major")))),
                List.of(new StatusView.IncidentView("i-0", "Ordering was slow", "resolved", List.of("Ordering"),
                        T0.minusSeconds(86400), T0.minusSeconds(80000), List.of(new StatusView.UpdateView("resolved", null,
                        Instant.parse("2026-11-24T10:45:12.123456Z")))))));
    }

    @Test
    void htmlIsEscaped() throws Exception {
        String body = mvc.perform(get("/status").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("<script>alert").contains("&lt;script&gt;")
                .contains("Trucks &amp; locations");
    }

    @Test
    void htmlReadsLikeAHostedStatusPage() throws Exception {
        String body = mvc.perform(get("/status").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).as("times for people, to the minute; the raw instant only as the machine-readable attribute")
                .contains("<time datetime=\"2026-11-24T10:45:12Z\">24 Nov 2026, 10:45 UTC</time>")
                .doesNotContain("10:45:12.123456");
        assertThat(body).as("a day of the uptime bar").contains("class=\"major\"><title>2026-11-25: 90 min of outage</title>")
                .contains("99.50 % uptime");
        assertThat(body).as("past incidents with their stage").contains("Past incidents", "Ordering was slow",
                "<span class=\"stage\">resolved</span>");
        assertThat(body).as("subscribe").contains("href=\"/status/feed.atom\"");
    }

    @Test
    void jsonCarriesTheView() throws Exception {
        mvc.perform(get("/status.json"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.incidents[0].title").value(EVIL))
                .andExpect(jsonPath("$.components[0].name").value("Trucks & locations"));
        mvc.perform(get("/api/status"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
    }

    @Test
    void atomIsWellFormedAndEscaped() throws Exception {
        byte[] body = mvc.perform(get("/status/feed.atom"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_ATOM_XML))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain("<script>");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        String atom = "http://www.w3.org/2005/Atom";
        assertThat(feed.getDocumentElement().getLocalName()).isEqualTo("feed");
        assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo(atom);
        assertThat(feed.getElementsByTagNameNS(atom, "entry").getLength()).isEqualTo(1);
        assertThat(feed.getElementsByTagNameNS(atom, "updated").item(0).getTextContent())
                .isEqualTo("2026-11-25T10:00:00Z");
        assertThat(feed.getElementsByTagNameNS(atom, "id").item(1).getTextContent())
                .isEqualTo("urn:drcc-status:e-1");
        assertThat(feed.getElementsByTagNameNS(atom, "content").item(0).getTextContent())
                .isEqualTo("update: " + EVIL);
    }
}
