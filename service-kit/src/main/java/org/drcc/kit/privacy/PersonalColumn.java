package org.drcc.kit.privacy;

/**
 * A read-model column that may hold a person's identifier in clear: a plain value ({@code actor}), or a
 * JSON document (a {@code json} column, or text) in which it appears as a string value.
 */
public record PersonalColumn(String table, String column, Kind kind) {

    public enum Kind { VALUE, JSON, JSON_TEXT }

    public static PersonalColumn value(String table, String column) {
        return new PersonalColumn(table, column, Kind.VALUE);
    }

    public static PersonalColumn json(String table, String column) {
        return new PersonalColumn(table, column, Kind.JSON);
    }

    public static PersonalColumn jsonText(String table, String column) {
        return new PersonalColumn(table, column, Kind.JSON_TEXT);
    }
}
