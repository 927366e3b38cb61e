package org.drcc.kit.asyncapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.drcc.kit.kafka.CloudEventHeaders;

/**
 * Builds the AsyncAPI 3.0 document of the contract: one channel per topic, one message per event type with its
 * JSON Schema, the CloudEvents headers and the key; one "send" operation per topic. Generated from the contract
 * classes on each call, so it describes exactly the events this build can publish.
 */
public final class AsyncApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AsyncApiDocument() {
    }

    public static ObjectNode generate(String version) {
        EventSchemas schemas = new EventSchemas();
        ObjectNode doc = JSON.createObjectNode();
        doc.put("asyncapi", "3.0.0");
        doc.set("info", JSON.createObjectNode().put("title", "DR command centre: events").put("version", version)
                .put("description", TopicTexts.OVERVIEW));
        doc.put("defaultContentType", "application/json");
        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        ObjectNode messages = components.putObject("messages");
        components.putObject("schemas").set("CloudEventHeaders", headers());
        for (Map.Entry<String, ContractFamilies.Family> entry : ContractFamilies.byTopic().entrySet()) {
            String topic = entry.getKey();
            String channelId = topic.replace('.', '-');
            ObjectNode channel = channels.putObject(channelId);
            channel.put("address", topic);
            channel.put("title", topic);
            channel.put("description", TopicTexts.channel(topic, entry.getValue().family().getSimpleName()));
            ObjectNode channelMessages = channel.putObject("messages");
            ObjectNode operation = operations.putObject("publish-" + channelId);
            operation.put("action", "send");
            operation.put("summary", "What is published on " + topic);
            operation.putObject("channel").put("$ref", "#/channels/" + channelId);
            ArrayNode operationMessages = operation.putArray("messages");
            for (Class<?> event : entry.getValue().events()) {
                String type = ContractFamilies.typeOf(event);
                messages.set(type, message(type, event, topic, schemas));
                channelMessages.putObject(type).put("$ref", "#/components/messages/" + type);
                operationMessages.addObject().put("$ref", "#/channels/" + channelId + "/messages/" + type);
            }
        }
        return doc;
    }

    private static ObjectNode message(String type, Class<?> event, String topic, EventSchemas schemas) {
        ObjectNode message = JSON.createObjectNode();
        message.put("name", type);
        message.put("title", event.getSimpleName());
        message.put("summary", "ce_type " + type + " on " + topic);
        message.put("contentType", "application/json");
        ObjectNode headers = message.putObject("headers");
        headers.putArray("allOf").addObject().put("$ref", "#/components/schemas/CloudEventHeaders");
        headers.withArray("allOf").addObject().put("type", "object").putObject("properties")
                .putObject(CloudEventHeaders.TYPE).put("const", type);
        ObjectNode kafka = message.putObject("bindings").putObject("kafka");
        kafka.putObject("key").put("type", "string").put("description", TopicTexts.key(topic));
        kafka.put("bindingVersion", "0.5.0");
        ObjectNode payload = message.putObject("payload");
        payload.put("schemaFormat", EventSchemas.SCHEMA_FORMAT);
        payload.set("schema", schemas.of(event));
        return message;
    }

    private static ObjectNode headers() {
        ObjectNode schema = JSON.createObjectNode().put("type", "object")
                .put("description", "CloudEvents 1.0 in Kafka binary content mode: one header per attribute, UTF-8");
        ObjectNode properties = schema.putObject("properties");
        header(properties, CloudEventHeaders.SPEC_VERSION, "always 1.0").put("const", CloudEventHeaders.VERSION_1_0);
        header(properties, CloudEventHeaders.ID, "the event's id, unique: consumers deduplicate on it");
        header(properties, CloudEventHeaders.SOURCE, "the producing service, e.g. /incident-service");
        header(properties, CloudEventHeaders.TYPE, "the versioned event type, e.g. dr.incident.declared.v1");
        header(properties, CloudEventHeaders.TIME, "when it happened, an ISO-8601 instant").put("format", "date-time");
        header(properties, CloudEventHeaders.SUBJECT, "what the event is about: the same as the record's key");
        header(properties, CloudEventHeaders.CONTENT_TYPE, "always application/json").put("const", "application/json");
        ArrayNode required = schema.putArray("required");
        properties.fieldNames().forEachRemaining(required::add);
        return schema;
    }

    private static ObjectNode header(ObjectNode properties, String name, String description) {
        return properties.putObject(name).put("type", "string").put("description", description);
    }
}
