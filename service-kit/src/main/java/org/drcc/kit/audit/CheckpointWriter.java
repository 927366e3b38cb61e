package org.drcc.kit.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Signs the chain head at a fixed interval, when it has moved since the last checkpoint; the linker first links
 * what is committed, so that a checkpoint covers every event stored before it.
 */
public class CheckpointWriter {

    private final JdbcClient jdbc;
    private final ChainLinker linker;
    private final ChainSigner signer;
    private final Clock clock;

    public CheckpointWriter(JdbcClient jdbc, ChainLinker linker, ChainSigner signer, Clock clock) {
        this.jdbc = jdbc;
        this.linker = linker;
        this.signer = signer;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${dr.audit.checkpoint-interval:PT1M}", initialDelayString = "PT5S")
    public void checkpoint() {
        linker.linkNow();
        Map<String, Object> head = jdbc.sql("SELECT chain_seq, hash FROM event_chain_head WHERE id = 1").query().singleRow();
        long seq = ((Number) head.get("chain_seq")).longValue();
        byte[] hash = (byte[]) head.get("hash");
        if (seq == 0) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO chain_checkpoint (chain_seq, hash, key_id, signature, signed_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT (chain_seq) DO NOTHING""")
                .params(seq, hash, signer.keyId(), signer.sign(seq, hash), Timestamp.from(clock.instant()))
                .update();
    }
}
