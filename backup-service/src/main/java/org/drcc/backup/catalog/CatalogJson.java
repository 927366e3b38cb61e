package org.drcc.backup.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The catalogue object's bytes. A mapper of its own rather than the service's: the object outlives this service
 * and must not change shape when the service's JSON settings (or its personal-data sealing) change. Unknown fields
 * are read past, so that a later version 1 writer may add one.
 */
public final class CatalogJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private CatalogJson() {
    }

    public static byte[] write(BackupCatalog catalog) {
        try {
            return JSON.writeValueAsBytes(catalog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Throws {@link IOException} for bytes that are not a catalogue object. */
    public static BackupCatalog read(byte[] bytes) throws IOException {
        return JSON.readValue(bytes, BackupCatalog.class);
    }
}
