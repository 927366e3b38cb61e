package org.drcc.archive;

import org.springframework.boot.SpringBootConfiguration;

/** What the test slices of this module start from: the module has no application of its own, its host has. */
@SpringBootConfiguration
class ArchiveTestConfiguration {
}
