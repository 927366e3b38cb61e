package org.drcc.incident.web;

/** Reads an {@code If-Match} header ({@code "3"} or {@code W/"3"}) as the version the client last saw. */
final class ExpectedVersion {

    private ExpectedVersion() {
    }

    static Long parse(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("If-Match", "must be the ETag of the incident, such as \"3\"");
        }
    }
}
