package org.drcc.kit.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.drcc.contract.PersonalData;

/**
 * Jackson support for {@link PersonalData}: fields so marked are written sealed with their person's key
 * and read back opened; on a map or a collection of names (an aggregate's role holders, say) each value is
 * sealed with its own person's key. Registered only on the mappers that store and publish events (the Axon
 * event and general serializers, so snapshots too, and the Kafka records), never on the one that answers
 * HTTP requests.
 */
public final class PersonalDataModule extends SimpleModule {

    private final transient PersonalDataCipher cipher;

    public PersonalDataModule(PersonalDataCipher cipher) {
        super("dr-personal-data");
        this.cipher = cipher;
        setSerializerModifier(new Sealing(cipher));
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.insertAnnotationIntrospector(new Opening(cipher));
    }

    /** Swaps the writer of each marked field for one that seals it. */
    private static final class Sealing extends BeanSerializerModifier {

        private final PersonalDataCipher cipher;

        Sealing(PersonalDataCipher cipher) {
            this.cipher = cipher;
        }

        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription description,
                                                         List<BeanPropertyWriter> writers) {
            Map<String, BeanPropertyWriter> byName = writers.stream()
                    .collect(Collectors.toMap(BeanPropertyWriter::getName, Function.identity(), (a, b) -> a));
            return writers.stream().map(w -> {
                PersonalData marked = w.getAnnotation(PersonalData.class);
                if (marked == null || w.getType().isContainerType()) {
                    return w; // a map's or a collection's values are sealed one by one: see Opening
                }
                BeanPropertyWriter subject = marked.subject().isEmpty() ? w : byName.get(marked.subject());
                if (subject == null) {
                    throw new IllegalStateException(description.getBeanClass().getSimpleName() + "." + w.getName()
                            + " names the subject field '" + marked.subject() + "', which it does not have");
                }
                return (BeanPropertyWriter) new SealingWriter(w, subject, cipher);
            }).collect(Collectors.toCollection(ArrayList::new)); // Jackson may still remove from it
        }
    }

    private static final class SealingWriter extends BeanPropertyWriter {

        private final BeanPropertyWriter subject;
        private final transient PersonalDataCipher cipher;

        SealingWriter(BeanPropertyWriter base, BeanPropertyWriter subject, PersonalDataCipher cipher) {
            super(base);
            this.subject = subject;
            this.cipher = cipher;
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator gen, SerializerProvider provider) throws Exception {
            Object value = get(bean);
            Object person = subject.get(bean);
            if (value == null || person == null) {
                super.serializeAsField(bean, gen, provider);
                return;
            }
            gen.writeFieldName(_name);
            gen.writeString(cipher.seal(person.toString(), value.toString()));
        }
    }

    /**
     * Reads each marked field through {@link PersonalDataCipher#open}; seals and opens the values of a marked
     * map or collection one by one, each value its own person.
     */
    private static final class Opening extends NopAnnotationIntrospector {

        private final transient PersonalDataCipher cipher;

        Opening(PersonalDataCipher cipher) {
            this.cipher = cipher;
        }

        @Override
        public Object findDeserializer(Annotated annotated) {
            return marked(annotated) && !annotated.getType().isContainerType() ? new OpeningDeserializer(cipher) : null;
        }

        @Override
        public Object findContentDeserializer(Annotated annotated) {
            return marked(annotated) && annotated.getType().isContainerType() ? new OpeningDeserializer(cipher) : null;
        }

        @Override
        public Object findContentSerializer(Annotated annotated) {
            return marked(annotated) && annotated.getType().isContainerType() ? new SealingSerializer(cipher) : null;
        }

        private static boolean marked(Annotated annotated) {
            return annotated.hasAnnotation(PersonalData.class);
        }
    }

    /** One value of a marked map or collection: the person is the value itself. */
    private static final class SealingSerializer extends StdSerializer<Object> {

        private final transient PersonalDataCipher cipher;

        SealingSerializer(PersonalDataCipher cipher) {
            super(Object.class);
            this.cipher = cipher;
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(cipher.seal(value.toString(), value.toString()));
        }
    }

    private static final class OpeningDeserializer extends StdScalarDeserializer<String> {

        private final transient PersonalDataCipher cipher;

        OpeningDeserializer(PersonalDataCipher cipher) {
            super(String.class);
            this.cipher = cipher;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = parser.getValueAsString();
            return value == null ? null : cipher.open(value);
        }
    }
}
