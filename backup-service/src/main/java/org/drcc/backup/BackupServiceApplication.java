package org.drcc.backup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The drills ({@code org.drcc.drill}) run inside this service, on its backups, through its {@code BackupDesk}. */
@SpringBootApplication(scanBasePackages = {"org.drcc.backup", "org.drcc.drill"})
public class BackupServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(BackupServiceApplication.class, args);
    }
}
