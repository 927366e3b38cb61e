package org.drcc.kit.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.drcc.engines.Engines;
import org.drcc.testsupport.WithEngines;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A token store made when every processor had one segment gets a second one at the same position from the
 * migration, so that an existing installation is shared by its instances too; a processor already split, and a
 * store with no tokens yet (Axon then makes dr.axon.segments of them), are left as they are.
 */
@WithEngines(database = "backup")
class ProcessorSegmentsIT {

    @Test
    void aProcessorStoredWithOneSegmentIsSplitInTwoAtItsPositionAndOthersAreLeftAsTheyAre(Engines engines) {
        DataSource db = engines.postgres().newDatabase("tokens");
        Flyway.configure().dataSource(db).locations("classpath:db/axon").target("0.5").load().migrate();
        JdbcClient jdbc = JdbcClient.create(db);
        byte[] position = "{\"index\":41,\"gaps\":[]}".getBytes();
        jdbc.sql("INSERT INTO tokenentry (processorname, segment, token, tokentype, timestamp, owner) VALUES "
                        + "('kafka-relay', 0, ?, 'GapAwareTrackingToken', '2026-11-30T10:00:00Z', 'old@host'), "
                        + "('split-already', 0, ?, 'GapAwareTrackingToken', '2026-11-30T10:00:00Z', NULL), "
                        + "('split-already', 1, ?, 'GapAwareTrackingToken', '2026-11-30T10:00:00Z', NULL)")
                .params(position, position, position).update();

        Flyway.configure().dataSource(db).locations("classpath:db/axon").load().migrate();

        List<Map<String, Object>> relay = jdbc.sql("SELECT segment, token, owner FROM tokenentry "
                + "WHERE processorname = 'kafka-relay' ORDER BY segment").query().listOfRows();
        assertThat(relay).extracting(r -> r.get("segment")).containsExactly(0, 1);
        assertThat((byte[]) relay.get(1).get("token")).as("the new segment starts where the one segment was")
                .isEqualTo(position);
        assertThat(relay.get(1).get("owner")).as("unclaimed: any instance may take it").isNull();
        assertThat(relay.get(0).get("owner")).isEqualTo("old@host");
        assertThat(jdbc.sql("SELECT count(*) FROM tokenentry WHERE processorname = 'split-already'")
                .query(Long.class).single()).isEqualTo(2);
    }
}
