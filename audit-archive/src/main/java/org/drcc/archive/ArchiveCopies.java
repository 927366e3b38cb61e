package org.drcc.archive;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The copies of the archive this service writes, the primary first. */
final class ArchiveCopies {

    private final Map<String, ArchiveCopy> copies = new LinkedHashMap<>();

    ArchiveCopies(List<ArchiveCopy> copies) {
        copies.stream().sorted(Comparator.comparing(copy -> !copy.name().equals(ArchiveCopy.PRIMARY)))
                .forEach(copy -> this.copies.put(copy.name(), copy));
    }

    /** The copy a request names; a name this service has no copy of is the caller's mistake (400). */
    ArchiveCopy named(String name) {
        ArchiveCopy copy = copies.get(name);
        if (copy == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "no archive copy '" + name + "': this service writes "
                    + String.join(" and ", copies.keySet()) + (copies.containsKey(ArchiveCopy.OFFSITE) ? ""
                    : " (an off-site copy is written once dr.archive.offsite.bucket is set)"));
        }
        return copy;
    }

    List<ArchiveCopy> all() {
        return List.copyOf(copies.values());
    }
}
