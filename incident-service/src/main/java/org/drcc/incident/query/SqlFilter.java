package org.drcc.incident.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a WHERE clause from optional filters, with named parameters only (no values in the SQL). */
final class SqlFilter {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    SqlFilter equal(String column, Object value) {
        if (value != null) {
            conditions.add(column + " = :" + column);
            params.put(column, value);
        }
        return this;
    }

    SqlFilter range(String column, Instant from, Instant to) {
        if (from != null) {
            conditions.add(column + " >= :from");
            params.put("from", Timestamp.from(from));
        }
        if (to != null) {
            conditions.add(column + " < :to");
            params.put("to", Timestamp.from(to));
        }
        return this;
    }

    String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    Map<String, Object> params() {
        return params;
    }
}
