package org.drcc.archive.web;

import org.drcc.archive.ArchiveAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;

/** The archive's endpoints, wherever the archive runs in a web application; the host's security guards them. */
@AutoConfiguration(after = ArchiveAutoConfiguration.class)
@ConditionalOnWebApplication
@ConditionalOnBean(ArchiveAutoConfiguration.class)
@Import({ArchiveController.class, EvidenceController.class})
public class ArchiveWebAutoConfiguration {
}
