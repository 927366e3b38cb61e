package org.drcc.incident.query;

import java.util.List;

/** One page of a result, with the total count of matches. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
