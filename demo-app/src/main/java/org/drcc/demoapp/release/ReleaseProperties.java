package org.drcc.demoapp.release;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param ledger  the deployment ledger, shared by every instance (a file on their common disk; {@code dr up} puts it in
 *                its data folder): each instance runs the release its last line names
 * @param initial the release that runs while the ledger is empty
 */
@ConfigurationProperties("demo.release")
public record ReleaseProperties(@DefaultValue(".demo-app/deployments.log") Path ledger,
                                @DefaultValue("1.0.0") String initial) {
}
