package org.drcc.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

class StrictRequestBodiesTest {

    private final MappingJackson2HttpMessageConverter shared = new MappingJackson2HttpMessageConverter();
    private final MockMvc mvc;

    StrictRequestBodiesTest() {
        List<HttpMessageConverter<?>> converters = new ArrayList<>(List.of(shared));
        new StrictRequestBodies().extendMessageConverters(converters);
        mvc = MockMvcBuilders.standaloneSetup(new Adopting()).setMessageConverters(converters.toArray(
                HttpMessageConverter[]::new)).setControllerAdvice(new ProblemAdvice()).build();
    }

    @Test
    void aMisspeltFieldIsA400NamingItAndTheFieldsTheRequestTakes() throws Exception {
        mvc.perform(post("/adopt").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"adoptserver\": \"7447383622370201234\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(
                        "field 'adoptserver' is not one this request takes (it takes adoptServer, reason)"));
    }

    @Test
    void aNestedUnknownFieldIsNamedByItsPath() throws Exception {
        mvc.perform(post("/adopt").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"adoptServer\": \"1\", \"reason\": {\"text\": \"lost\", \"by\": \"me\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("field 'reason.by' is not one this request takes (it takes text)"));
    }

    @Test
    void theFieldsItTakesAreRead() throws Exception {
        mvc.perform(post("/adopt").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"adoptServer\": \"1\", \"reason\": {\"text\": \"lost\"}}"))
                .andExpect(status().isOk())
                .andExpect(content().string("\"1 lost\""));
    }

    @Test
    void theConverterOtherServicesAnswersAreReadWithStaysAsItWasAndStillWritesTheAnswers() throws Exception {
        assertThat(shared.getObjectMapper().readValue("{\"adoptServer\": \"1\", \"addedLater\": true}",
                AdoptRequest.class).adoptServer()).isEqualTo("1");
        List<HttpMessageConverter<?>> converters = new ArrayList<>(List.of(shared));
        new StrictRequestBodies().extendMessageConverters(converters);
        assertThat(converters).hasSize(2).element(1).isSameAs(shared);
        assertThat(converters.get(0).canWrite(AdoptRequest.class, MediaType.APPLICATION_JSON))
                .as("the strict twin only reads").isFalse();
        assertThat(converters.get(0).canRead(AdoptRequest.class, MediaType.APPLICATION_JSON)).isTrue();
    }

    record Reason(String text) {
    }

    record AdoptRequest(String adoptServer, Reason reason) {
    }

    @RestController
    static class Adopting {

        @PostMapping("/adopt")
        String adopt(@RequestBody AdoptRequest request) {
            return request.adoptServer() + " " + (request.reason() == null ? "-" : request.reason().text());
        }
    }
}
