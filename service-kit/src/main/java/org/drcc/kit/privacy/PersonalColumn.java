package org.drcc.kit.privacy;

/**
 * A read-model column that may hold a person's identifier in clear: a plain value ({@code actor}), or a
 * JSON document ({@code jsonb} or text) in which it appears as a string value.
 */
public record PersonalColumn(String table, String column, Kind kind) {

    public enum Kind { VALUE, JSONB, JSON_TEXT }

    public static PersonalColumn value(String table, String column) {
        return new PersonalColumn(table, column, Kind.VALUE);
    }

    public static PersonalColumn jsonb(String table, String column) {
        return new PersonalColumn(table, column, Kind.JSONB);
    }

    public static PersonalColumn jsonText(String table, String column) {
        return new PersonalColumn(table, column, Kind.JSON_TEXT);
    }
}
