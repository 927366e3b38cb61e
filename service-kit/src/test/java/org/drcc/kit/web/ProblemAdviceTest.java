package org.drcc.kit.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.axonframework.commandhandling.CommandExecutionException;
import org.drcc.kit.rules.RuleRefusedException;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

class ProblemAdviceTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Refusing())
            .setControllerAdvice(new ProblemAdvice()).build();

    @Test
    void aRefusalIsA409TitledWithItsSubject() throws Exception {
        mvc.perform(post("/refuse"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Refused by the backup's rules"))
                .andExpect(jsonPath("$.detail").value("only a completed backup can be verified"));
    }

    @Test
    void aRefusalThatAxonWrappedIsA409Too() throws Exception {
        mvc.perform(post("/refuse-wrapped"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Refused by the incident's rules"))
                .andExpect(jsonPath("$.detail").value("the incident is CLOSED: nothing can change any more"));
    }

    @RestController
    static class Refusing {

        @PostMapping("/refuse")
        void refuse() {
            throw new RuleRefusedException("backup", "only a completed backup can be verified");
        }

        @PostMapping("/refuse-wrapped")
        void refuseWrapped() {
            throw new CommandExecutionException("wrapped", new RuleRefusedException("incident",
                    "the incident is CLOSED: nothing can change any more"));
        }
    }
}
