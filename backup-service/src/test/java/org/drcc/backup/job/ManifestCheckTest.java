package org.drcc.backup.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.drcc.contract.backup.TableChecksum;
import org.junit.jupiter.api.Test;

class ManifestCheckTest {

    private static final List<TableChecksum> MANIFEST = List.of(
            new TableChecksum("public.truck", 20, "aaa"), new TableChecksum("public.menu", 5, "bbb"));

    @Test
    void canPassTheSameTablesInAnyOrder() {
        assertThat(ManifestCheck.compare(MANIFEST, List.of(MANIFEST.get(1), MANIFEST.get(0)))).isEmpty();
    }

    @Test
    void cannotPassAMissingOrExtraTableAndNamesThem() {
        assertThat(ManifestCheck.compare(MANIFEST, List.of(MANIFEST.get(0), new TableChecksum("public.x", 1, "c"))))
                .hasValueSatisfying(f -> {
                    assertThat(f.check()).isEqualTo("tables");
                    assertThat(f.detail()).contains("public.menu").contains("public.x");
                });
    }

    @Test
    void cannotPassAnotherRowCountOrChecksumAndSaysWhich() {
        assertThat(ManifestCheck.compare(MANIFEST, List.of(MANIFEST.get(0), new TableChecksum("public.menu", 4, "bbb"))))
                .hasValueSatisfying(f -> assertThat(f.check()).isEqualTo("row-count"));
        assertThat(ManifestCheck.compare(MANIFEST, List.of(MANIFEST.get(0), new TableChecksum("public.menu", 5, "bbc"))))
                .hasValueSatisfying(f -> {
                    assertThat(f.check()).isEqualTo("table-checksum");
                    assertThat(f.detail()).contains("public.menu").contains("bbc").contains("bbb");
                });
    }
}
