package org.drcc.demoapp.release;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The releases this build carries, each with the code that differs between them: how an order's receipt totals its
 * lines. A stand-in keeps its releases in one jar so that a deploy is a switch every instance sees at once; a real
 * application ships one artefact per release, and its ledger names which one runs.
 */
public enum Release {
    V1_0_0("1.0.0", false),
    V1_1_0("1.1.0", false),
    /** A deliberately broken build for the drills: the receipt forgets each line's quantity. Health stays UP. */
    V1_2_0_BROKEN("1.2.0-broken", true);

    private final String version;
    private final boolean forgetsQuantities;

    Release(String version, boolean forgetsQuantities) {
        this.version = version;
        this.forgetsQuantities = forgetsQuantities;
    }

    public String version() {
        return version;
    }

    /** A line's amount on the receipt, as this release computes it. */
    public BigDecimal lineAmount(int quantity, BigDecimal unitPrice) {
        return forgetsQuantities ? unitPrice : unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    public static Optional<Release> byVersion(String version) {
        return Arrays.stream(values()).filter(r -> r.version.equals(version)).findFirst();
    }

    public static List<String> versions() {
        return Arrays.stream(values()).map(Release::version).toList();
    }
}
