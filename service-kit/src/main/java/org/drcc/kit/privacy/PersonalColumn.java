package org.drcc.kit.privacy;

/**
 * A read-model column that may hold a person's identifier in clear: a plain value ({@code actor}), or a
 * JSON document (a {@code json} column, or text) in which it appears as a string value; or a column of rows that are
 * deleted with the person ({@link #rows}, {@link #rowsMentioning}).
 */
public record PersonalColumn(String table, String column, Kind kind) {

    public enum Kind { VALUE, JSON, JSON_TEXT, ROWS, ROWS_MENTIONING }

    public static PersonalColumn value(String table, String column) {
        return new PersonalColumn(table, column, Kind.VALUE);
    }

    public static PersonalColumn json(String table, String column) {
        return new PersonalColumn(table, column, Kind.JSON);
    }

    public static PersonalColumn jsonText(String table, String column) {
        return new PersonalColumn(table, column, Kind.JSON_TEXT);
    }

    /**
     * The rows whose {@code column} names the person are theirs alone and are deleted, not overwritten (a kept
     * answer to their own request: overwritten, two forgotten people's rows could collide on a key).
     */
    public static PersonalColumn rows(String table, String column) {
        return new PersonalColumn(table, column, Kind.ROWS);
    }

    /**
     * The rows whose {@code column} names the person as a word of its text, even inside a longer string ("ROLE: dana",
     * not "danas" or "admin" in "DATABASE_ADMINISTRATOR"), are deleted: short-lived copies (an answer kept for
     * retries) whose text a scrub of whole values could not reach everywhere.
     */
    public static PersonalColumn rowsMentioning(String table, String column) {
        return new PersonalColumn(table, column, Kind.ROWS_MENTIONING);
    }
}
