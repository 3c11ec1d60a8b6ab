package id.bimtek.audit;

import static org.assertj.core.api.Assertions.assertThat;

import id.bimtek.proposal.Program;
import id.bimtek.support.Lifecycle;
import id.bimtek.support.LifecycleTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database administrator rewrites a record and recomputes every hash after it: the chain verifies by
 * itself, the signed checkpoint (kept outside the database) catches it; an altered checkpoint is refused.
 */
@LifecycleTest
class AuditCheckpointTest {

    @Autowired Lifecycle lifecycle;
    @Autowired AuditTrail audit;
    @Autowired AuditCheckpoints checkpoints;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aChainRewrittenBehindTheApplicationsBackIsCaughtByTheSignedCheckpoint() throws Exception {
        Program program = lifecycle.submitted(lifecycle.sewingBimtek(lifecycle.budgetLine(500_000_000)));
        Path checkpoint = checkpoints.checkpoint();
        assertThat(checkpoints.verifyLatest().valid()).isTrue();
        assertThat(checkpoints.verifyLatest().problems()).isEmpty();

        rewriteAsADatabaseAdministrator(program.getId(), 1, "Bimtek yang tidak pernah diusulkan");
        assertThat(audit.verify(program.getId()).valid()).as("the chain alone cannot tell").isTrue();
        AuditCheckpoints.CheckpointVerification verdict = checkpoints.verifyLatest();
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.problems()).singleElement().asString()
                .contains("programme " + program.getId()).contains("rewritten");

        // nor can the checkpoint file be edited to match: its signature no longer holds
        String text = Files.readString(checkpoint);
        String rewrittenHead = jdbc.queryForObject("select last_hash from audit_chain_head where program_id = ?", String.class,
                program.getId());
        String line = text.lines().filter(l -> l.startsWith("chain " + program.getId() + " ")).findFirst().orElseThrow();
        String[] parts = line.split(" ");
        String forged = text.replace(line, "chain " + program.getId() + " " + parts[2] + " " + hashAt(program.getId(),
                Integer.parseInt(parts[2])));
        Files.writeString(checkpoint, forged);
        assertThat(checkpoints.verifyLatest().problems()).singleElement().asString().contains("signature");
        assertThat(rewrittenHead).isNotBlank();
    }

    /**
     * What the owner of the table can do: switch off its append-only trigger, change a record, recompute the
     * chain after it, and switch the trigger on again.
     */
    private void rewriteAsADatabaseAdministrator(long programId, int seq, String newDetail) {
        jdbc.execute("alter table audit_record disable trigger user");
        try {
            rewrite(programId, seq, newDetail);
        } finally {
            jdbc.execute("alter table audit_record enable trigger user");
        }
    }

    private void rewrite(long programId, int seq, String newDetail) {
        jdbc.update("update audit_record set detail = ? where program_id = ? and seq = ?", newDetail, programId, seq);
        String prev = AuditTrail.GENESIS;
        for (AuditTrail.Record record : audit.of(programId)) {
            String hash = AuditTrail.hash(record.programId(), record.seq(), record.recordedAt(), record.stage().name(),
                    record.kind(), record.actor(), record.onBehalfOf(), record.subject(), record.detail(), record.oldValue(),
                    record.newValue(), prev);
            jdbc.update("update audit_record set prev_hash = ?, hash = ? where id = ?", prev, hash, record.id());
            prev = hash;
        }
        jdbc.update("update audit_chain_head set last_hash = ? where program_id = ?", prev, programId);
    }

    private String hashAt(long programId, int seq) {
        return jdbc.queryForObject("select hash from audit_record where program_id = ? and seq = ?", String.class, programId, seq);
    }

}
