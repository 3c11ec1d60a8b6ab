package id.bimtek.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tamper evidence beyond the database. Whoever can write {@code audit_record} can recompute every hash
 * after an edit, and the chain still verifies. So the head of every chain is checkpointed regularly into
 * a file outside the database ({@code lifecycle.audit.checkpoint-dir}, where auditors collect them), signed
 * with an Ed25519 key that lives outside the database too ({@code lifecycle.audit.signing-key-file}: two
 * lines, the PKCS#8 private key and the X.509 public key, in Base64). Verification compares the database
 * with the latest checkpoint whose signature holds: a chain rewritten behind the application's back no
 * longer has the checkpointed hash at the checkpointed position.
 */
@Component
public class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);
    private static final String HEADER = "bimtek audit checkpoint v1";

    /** The outcome of comparing the database with the latest signed checkpoint. */
    public record CheckpointVerification(String checkpoint, Instant createdAt, int chains, boolean valid,
                                         List<String> problems) {
    }

    private final JdbcTemplate jdbc;
    private final Path directory;
    private final Path keyFile;

    public AuditCheckpoints(JdbcTemplate jdbc,
                            @Value("${lifecycle.audit.checkpoint-dir:./data/audit-checkpoints}") Path directory,
                            @Value("${lifecycle.audit.signing-key-file:./data/audit-signing-key}") Path keyFile) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.keyFile = keyFile;
    }

    /** Every {@code lifecycle.audit.checkpoint-interval} (an hour), unless {@code lifecycle.audit.checkpoints=false}. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @org.springframework.scheduling.annotation.EnableScheduling
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "lifecycle.audit.checkpoints",
            havingValue = "true", matchIfMissing = true)
    static class Schedule {

        private final AuditCheckpoints checkpoints;

        Schedule(AuditCheckpoints checkpoints) {
            this.checkpoints = checkpoints;
        }

        @Scheduled(fixedDelayString = "${lifecycle.audit.checkpoint-interval:PT1H}", initialDelayString = "PT1M")
        void checkpoint() {
            log.info("audit checkpoint written: {}", checkpoints.checkpoint());
        }
    }

    /** Signs the head of every chain and writes it as a new checkpoint file. */
    public Path checkpoint() {
        KeyPair keys = keys();
        StringBuilder text = new StringBuilder(HEADER).append('\n')
                .append("created ").append(Instant.now()).append('\n')
                .append("public-key ").append(Base64.getEncoder().encodeToString(keys.getPublic().getEncoded())).append('\n');
        jdbc.query("select program_id, last_seq, last_hash from audit_chain_head where last_seq > 0 order by program_id",
                rs -> {
                    text.append("chain ").append(rs.getLong("program_id")).append(' ').append(rs.getInt("last_seq"))
                            .append(' ').append(rs.getString("last_hash")).append('\n');
                });
        String signature = Base64.getEncoder().encodeToString(sign(keys.getPrivate(), text.toString()));
        text.append("signature ").append(signature).append('\n');
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve("checkpoint-" + System.currentTimeMillis() + ".txt");
            Path partial = Files.writeString(directory.resolve(file.getFileName() + ".partial"), text, StandardCharsets.UTF_8);
            return Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("the audit checkpoint cannot be written to " + directory, e);
        }
    }

    /** Compares the database with the latest checkpoint file whose signature holds under our public key. */
    public CheckpointVerification verifyLatest() {
        PublicKey publicKey = keys().getPublic();
        Optional<Path> latest = latestCheckpoint();
        if (latest.isEmpty()) {
            return new CheckpointVerification(null, null, 0, false, List.of("no checkpoint has been written yet"));
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(latest.get(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = latest.get().getFileName().toString();
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        String signed = String.join("\n", lines.subList(0, Math.max(0, lines.size() - 1))) + "\n";
        if (!lines.isEmpty() && !HEADER.equals(lines.get(0)) || !last.startsWith("signature ")
                || !verifies(publicKey, signed, last.substring("signature ".length()))) {
            return new CheckpointVerification(name, null, 0, false,
                    List.of("the checkpoint's signature does not hold: the file was altered or signed with another key"));
        }
        Instant created = Instant.parse(lines.get(1).substring("created ".length()));
        List<String> problems = new ArrayList<>();
        int chains = 0;
        for (String line : lines) {
            if (!line.startsWith("chain ")) {
                continue;
            }
            chains++;
            String[] parts = line.split(" ");
            long programId = Long.parseLong(parts[1]);
            int seq = Integer.parseInt(parts[2]);
            List<Map<String, Object>> record = jdbc.queryForList(
                    "select hash from audit_record where program_id = ? and seq = ?", programId, seq);
            if (record.isEmpty()) {
                problems.add("programme " + programId + ": record " + seq + " of the checkpoint is gone");
            } else if (!parts[3].equals(record.get(0).get("hash"))) {
                problems.add("programme " + programId + ": record " + seq + " no longer has the checkpointed hash: "
                        + "the chain up to it was rewritten");
            }
        }
        return new CheckpointVerification(name, created, chains, problems.isEmpty(), problems);
    }

    private Optional<Path> latestCheckpoint() {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().matches("checkpoint-\\d+\\.txt"))
                    .max(Comparator.comparingLong(file -> Long.parseLong(file.getFileName().toString().replaceAll("\\D", ""))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The signing key from its file; a first start without one creates it (and says where, to be kept safe). */
    private synchronized KeyPair keys() {
        try {
            if (!Files.exists(keyFile)) {
                KeyPair generated = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                Files.createDirectories(keyFile.toAbsolutePath().getParent());
                Files.writeString(keyFile, Base64.getEncoder().encodeToString(generated.getPrivate().getEncoded()) + "\n"
                        + Base64.getEncoder().encodeToString(generated.getPublic().getEncoded()) + "\n");
                keyFile.toFile().setReadable(false, false);
                keyFile.toFile().setReadable(true, true);
                log.warn("created the audit signing key {}: keep it (and a copy of its public key) outside the database", keyFile);
            }
            List<String> lines = Files.readAllLines(keyFile);
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines.get(0).trim())));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(lines.get(1).trim())));
            return new KeyPair(publicKey, privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("the audit signing key " + keyFile + " cannot be read", e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("the audit signing key " + keyFile + " is not an Ed25519 key pair", e);
        }
    }

    private static byte[] sign(PrivateKey key, String text) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean verifies(PublicKey key, String text, String base64Signature) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(base64Signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
