package org.drcc.demoapp.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseLedgerTest {

    @TempDir
    Path dir;

    private ReleaseLedger ledger() {
        return new ReleaseLedger(new ReleaseProperties(dir.resolve("ledger").resolve("deployments.log"), "1.0.0"),
                Clock.systemUTC());
    }

    @Test
    void canDeployAndRollBackToThePreviousRelease() {
        ReleaseLedger ledger = ledger();
        assertThat(ledger.current()).isEqualTo(Release.V1_0_0);
        ledger.deploy("1.1.0", "dana");
        ledger.deploy("1.2.0-broken", "dana");
        assertThat(ledger.current()).isEqualTo(Release.V1_2_0_BROKEN);

        Deployment back = ledger.rollback("dr-drill");
        assertThat(back.release()).isEqualTo("1.1.0");
        assertThat(back.rollback()).isTrue();
        assertThat(ledger.current()).isEqualTo(Release.V1_1_0);
        assertThat(ledger.rollback("dr-drill").release()).as("a second rollback goes back one more").isEqualTo("1.0.0");
        assertThat(ledger.history()).hasSize(4);
    }

    @Test
    void everyInstanceReadsTheSameLedger() {
        ReleaseLedger one = ledger();
        ReleaseLedger two = ledger();
        one.deploy("1.2.0-broken", "dana");
        assertThat(two.current()).isEqualTo(Release.V1_2_0_BROKEN);
        two.rollback("erin");
        assertThat(one.current()).isEqualTo(Release.V1_0_0);
    }

    @Test
    void cannotDeployAnUnknownOrTheRunningReleaseNorRollBackNothing() {
        ReleaseLedger ledger = ledger();
        assertThatThrownBy(() -> ledger.deploy("9.9.9", "dana")).isInstanceOf(UnknownReleaseException.class)
                .hasMessageContaining("1.0.0").hasMessageContaining("1.2.0-broken");
        assertThatThrownBy(() -> ledger.deploy("1.0.0", "dana")).isInstanceOf(ReleaseRefusedException.class);
        assertThatThrownBy(() -> ledger.rollback("dana")).isInstanceOf(ReleaseRefusedException.class)
                .hasMessageContaining("nothing to roll back");
        assertThat(ledger.history()).as("nothing written").isEmpty();
    }

    @Test
    void theBrokenReleaseForgetsQuantitiesOnTheReceipt() {
        assertThat(Release.V1_1_0.lineAmount(3, new BigDecimal("4.50"))).isEqualByComparingTo("13.50");
        assertThat(Release.V1_2_0_BROKEN.lineAmount(3, new BigDecimal("4.50"))).isEqualByComparingTo("4.50");
    }
}
