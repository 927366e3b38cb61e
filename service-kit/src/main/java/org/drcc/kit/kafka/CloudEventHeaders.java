package org.drcc.kit.kafka;

/** CloudEvents 1.0 attributes in Kafka binary content mode: one {@code ce_} header per attribute. */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    public static final String VERSION_1_0 = "1.0";

    private CloudEventHeaders() {
    }
}
