package org.drcc.incident.query;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a WHERE clause from optional filters, with named parameters for every value a caller gives. */
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

    /**
     * A fixed condition (text of this code, never of the caller) when {@code wanted} is true, its negation when false,
     * nothing when null. Its constants stay in the SQL so that PostgreSQL can match it to a partial index.
     */
    SqlFilter holds(Boolean wanted, String condition) {
        if (wanted != null) {
            conditions.add(wanted ? condition : "NOT (" + condition + ")");
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
