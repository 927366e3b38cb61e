package org.drcc.kit.asyncapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import org.drcc.contract.PersonalData;

/**
 * The JSON Schema (draft 7) of an event record as the suite writes it to Kafka: every field present (the
 * producers write nulls too), object fields nullable, no other fields, and each {@code @PersonalData} field
 * marked {@code x-dr-personal-data} with what its sealed value looks like.
 */
final class EventSchemas {

    static final String SCHEMA_FORMAT = "application/schema+json;version=draft-07";

    static final String SEALED = "Personal data, sealed per person on the wire: pd:v1:<subject id>:<base64url "
            + "AES-256-GCM ciphertext>. The subject id is a stable pseudonym of the person; the ciphertext opens only "
            + "with that person's key from the suite's keyring, and reads [forgotten] once the person was erased. "
            + "Events stored before sealing existed carry the plain value.";

    private final SchemaGenerator generator;

    EventSchemas() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_7,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonModule())
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
                .with(Option.DEFINITIONS_FOR_ALL_OBJECTS);
        config.forFields().withRequiredCheck(field -> true);
        config.forFields().withNullableCheck(field -> !field.getType().isPrimitive());
        config.forFields().withInstanceAttributeOverride((node, field, context) -> {
            PersonalData personal = field.getAnnotationConsideringFieldAndGetter(PersonalData.class);
            if (personal != null) {
                node.put("x-dr-personal-data", true);
                node.put("description", SEALED + (personal.subject().isEmpty() ? ""
                        : " The person is the one named by the field " + personal.subject() + "."));
            }
        });
        generator = new SchemaGenerator(config.build());
    }

    ObjectNode of(Class<?> event) {
        ObjectNode schema = generator.generateSchema(event);
        schema.remove("$schema");
        return schema;
    }
}
