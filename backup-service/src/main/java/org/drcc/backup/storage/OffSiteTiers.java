package org.drcc.backup.storage;

import java.util.List;
import org.drcc.kit.s3.S3Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether the secondary and tertiary tiers are off the primary's site. The plan keeps them elsewhere ("Secondary:
 * Cloud storage", "Tertiary: Off-site physical storage"), but a tier without a store of its own
 * ({@code dr.s3.tiers.<tier>.endpoint}) is a bucket on the primary's store: it outlives the loss of the primary
 * bucket, not a regional disaster that takes the store. Said once at start, as a warning that names the settings.
 */
@Component
public class OffSiteTiers {

    private static final Logger log = LoggerFactory.getLogger(OffSiteTiers.class);

    private final List<String> onThePrimarysSite;

    OffSiteTiers(S3Settings s3) {
        this.onThePrimarysSite = List.of("secondary", "tertiary").stream()
                .filter(tier -> s3.store(tier).sameSiteAs(s3.main())).toList();
        if (!onThePrimarysSite.isEmpty()) {
            log.warn("backup tiers {} are on the primary's S3 store ({}, region {}): a disaster that takes that store "
                    + "takes them too; give each a store in another region (dr.s3.tiers.<tier>.endpoint, .region, "
                    + ".access-key, .secret-key: DR_S3_TIERS_<TIER>_*)", onThePrimarysSite, s3.main().endpoint(),
                    s3.main().region());
        }
    }

    /** The tiers of secondary and tertiary that are on the primary's site, in that order; empty when both are off it. */
    public List<String> onThePrimarysSite() {
        return onThePrimarysSite;
    }
}
