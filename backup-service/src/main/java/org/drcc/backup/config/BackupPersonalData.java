package org.drcc.backup.config;

import java.util.List;
import org.drcc.kit.privacy.PersonalColumn;
import org.drcc.kit.privacy.PersonalColumns;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where backup-service's read models hold names in clear: overwritten when a person is forgotten. */
@Configuration(proxyBeanMethods = false)
public class BackupPersonalData {

    @Bean
    PersonalColumns backupPersonalColumns() {
        return () -> List.of(
                PersonalColumn.value("backup", "actor"),
                PersonalColumn.value("backup_restore", "actor"));
    }
}
