package org.drcc.kit.s3;

import java.net.URI;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The S3 store of a service ({@code DR_S3_ENDPOINT}, ...). The default credentials are harmless ones the local
 * S3Mock accepts; a real deployment sets them from its secrets.
 *
 * @param endpoint an S3-compatible endpoint, path-style; empty for AWS itself
 * @param tiers    stores on an endpoint of their own, by name ({@code dr.s3.tiers.<name>.*}: backup-service's
 *                 secondary and tertiary copies, say); each unset value is the main store's
 */
@ConfigurationProperties("dr.s3")
public record S3Settings(
        URI endpoint,
        @DefaultValue("dr-local") String accessKey,
        @DefaultValue("dr-local-secret") String secretKey,
        @DefaultValue("us-east-1") String region,
        Map<String, Store> tiers) {

    public S3Settings {
        tiers = tiers == null ? Map.of() : Map.copyOf(tiers);
    }

    /** Where a store is and how to sign in to it. */
    public record Store(URI endpoint, String accessKey, String secretKey, String region) {

        /**
         * Whether this store is {@code other}'s site, so that what takes one (a regional disaster, the store's loss)
         * takes the other: the same S3-compatible server (its endpoint, whatever region its requests are signed for),
         * or, on AWS itself (no endpoint), the same region. A copy kept there outlives the loss of a bucket, not of
         * the site.
         */
        public boolean sameSiteAs(Store other) {
            if (endpoint != null || other.endpoint != null) {
                return java.util.Objects.equals(server(endpoint), server(other.endpoint));
            }
            return java.util.Objects.equals(region, other.region);
        }

        /** The server an endpoint names, however written: its scheme and host in lower case, its port spelt out. */
        private static String server(URI endpoint) {
            if (endpoint == null || endpoint.getHost() == null) {
                return endpoint == null ? null : endpoint.toString();
            }
            String scheme = endpoint.getScheme() == null ? "https" : endpoint.getScheme().toLowerCase(java.util.Locale.ROOT);
            int port = endpoint.getPort() != -1 ? endpoint.getPort() : "http".equals(scheme) ? 80 : 443;
            return scheme + "://" + endpoint.getHost().toLowerCase(java.util.Locale.ROOT) + ":" + port;
        }

        @Override
        public String toString() {
            return "Store[endpoint=" + endpoint + ", accessKey=" + accessKey + ", secretKey=******, region=" + region + "]";
        }
    }

    public Store main() {
        return new Store(endpoint, accessKey, secretKey, region);
    }

    /** The named store, each unset value taken from the main one; the main store for a name not configured. */
    public Store store(String name) {
        Store own = tiers.get(name);
        if (own == null) {
            return main();
        }
        return new Store(own.endpoint() != null ? own.endpoint() : endpoint, own.accessKey() != null ? own.accessKey() : accessKey,
                own.secretKey() != null ? own.secretKey() : secretKey, own.region() != null ? own.region() : region);
    }

    /** Never prints the secret key, should anything log these settings. */
    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", accessKey=" + accessKey + ", secretKey=******, region=" + region
                + ", tiers=" + tiers + "]";
    }
}
