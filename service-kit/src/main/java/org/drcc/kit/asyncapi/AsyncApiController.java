package org.drcc.kit.asyncapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the AsyncAPI document of the contract this build publishes; open without a token, like /v3/api-docs. */
@RestController
@Tag(name = "events", description = "The AsyncAPI 3 document of every Kafka topic of the suite")
class AsyncApiController {

    private final ObjectNode document;

    AsyncApiController(String version) {
        this.document = AsyncApiDocument.generate(version);
    }

    @Operation(summary = "The AsyncAPI 3 document of every dr.*.events topic",
            description = "Channels, CloudEvents headers, the key and the JSON Schema of every event type, generated "
                    + "from the contract this build publishes; fields marked x-dr-personal-data are sealed per person.")
    @GetMapping(path = "/asyncapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode asyncApi() {
        return document;
    }
}
