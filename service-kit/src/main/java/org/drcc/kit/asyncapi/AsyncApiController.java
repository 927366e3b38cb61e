package org.drcc.kit.asyncapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the AsyncAPI document of the contract this build publishes; open without a token, like /v3/api-docs, and
 * like it not an operation of the API (hidden from the OpenAPI document, whose description names it).
 */
@RestController
@Hidden
class AsyncApiController {

    private final ObjectNode document;

    AsyncApiController(String version) {
        this.document = AsyncApiDocument.generate(version);
    }

    @GetMapping(path = "/asyncapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode asyncApi() {
        return document;
    }
}
