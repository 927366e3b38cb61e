package org.drcc.kit.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredDocumentsTest {

    private static final String DECLARED_CHECKLIST = """
            {"checklist":[{"incidentId":"nested","occurredAt":"1999-01-01T00:00:00Z"}],"targets":{"rto":"PT4H"},
             "incidentId":"i-1","count":3,"occurredAt":"2026-12-02T10:15:30.123456Z","actor":null}""";

    @Test
    void readsTopLevelFieldsInOnePassAndNotTheNestedOnesOfTheSameName() {
        assertThat(StoredDocuments.stringFields(DECLARED_CHECKLIST, List.of("incidentId", "occurredAt")))
                .isEqualTo(Map.of("incidentId", "i-1", "occurredAt", "2026-12-02T10:15:30.123456Z"));
        assertThat(StoredDocuments.stringField(DECLARED_CHECKLIST, "incidentId")).hasValue("i-1");
    }

    @Test
    void readsTheStoredBytesAsTheTextTheyEncodeNonAsciiIncluded() {
        byte[] stored = """
                {"checklist":[{"actor":"nested"}],"incidentId":"i-1","actor":"Zoë Ångström","title":"Kühlraum"}"""
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(StoredDocuments.stringFields(stored, List.of("actor", "incidentId")))
                .isEqualTo(Map.of("incidentId", "i-1", "actor", "Zoë Ångström"));
    }

    @Test
    void aFieldThatIsAbsentOrNotAStringIsNotFound() {
        assertThat(StoredDocuments.stringFields(DECLARED_CHECKLIST, List.of("count", "actor", "title"))).isEmpty();
        assertThat(StoredDocuments.stringField(DECLARED_CHECKLIST, "targets")).isEmpty();
    }

    @Test
    void aDocumentThatIsNotAJsonObjectIsRefusedNotReadAsEmpty() {
        assertThatThrownBy(() -> StoredDocuments.stringField("[1,2]", "incidentId"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> StoredDocuments.stringField("{\"incidentId\": ", "incidentId"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not JSON");
    }
}
