package org.drcc.backup.pitr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * pgBackRest 2.45's {@code info --output=json} of a stanza upgraded onto a replacement cluster (its first cluster's
 * archive beside the new one's; read off a real run, the first archive's newest segment raised to show the point).
 */
class BaseBackupInfoTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theNewestSegmentIsTheReplacementClustersNotTheLostOnesThatSortsLater() throws Exception {
        String info = new String(getClass().getResourceAsStream("/pgbackrest/info-after-stanza-upgrade.json")
                .readAllBytes(), StandardCharsets.UTF_8);
        assertThat(BaseBackupInfo.newestSegment(json, info)).isEqualTo("000000010000000000000003");
        assertThat(BaseBackupInfo.stanzaSystemIdentifier(json, info)).as("the cluster the stanza now serves")
                .isEqualTo("7715760711340772515");
        assertThat(BaseBackupInfo.parse(json, info)).extracting(BaseBackupInfo::label)
                .containsExactly("20261205-101210F", "20261205-101216F");
    }

    @Test
    void aStanzaWithOneClusterAndOneWithNoArchiveYet() throws Exception {
        assertThat(BaseBackupInfo.newestSegment(json, "[{\"archive\":[{\"database\":{\"id\":1,\"repo-key\":1},"
                + "\"id\":\"15-1\",\"max\":\"00000001000000000000000B\",\"min\":\"000000010000000000000001\"}]}]"))
                .isEqualTo("00000001000000000000000B");
        assertThat(BaseBackupInfo.newestSegment(json, "[{\"archive\":[]}]")).isEmpty();
        assertThat(BaseBackupInfo.stanzaSystemIdentifier(json, "[{\"db\":[]}]")).as("no stanza yet").isNull();
    }
}
