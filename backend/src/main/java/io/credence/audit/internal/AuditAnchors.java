package io.credence.audit.internal;

import io.credence.audit.AuditEntry;
import io.credence.audit.AuditLog;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed checkpoints of the audit chain's head, anchored on-chain. A checkpoint is {@code "CRDA" ‖
 * seq (8 bytes) ‖ entry hash (32) ‖ r ‖ s ‖ v} where the signature is the server's audit key over
 * {@code keccak256("credence-audit-checkpoint-v1" ‖ chainId (8) ‖ anchor contract (20) ‖ seq ‖
 * hash)}. The anchor contract ({@link #RUNTIME}) only emits its calldata as an event, so anyone can
 * read every checkpoint with {@code eth_getLogs}; forgeries fail the signature check.
 *
 * <p>Against the newest valid checkpoint, a database that lost entries (truncated after the anchor)
 * or holds a different entry at the anchored position (rewritten, even with recomputed hashes) is
 * reported as broken.
 *
 * <p>Off unless {@code credence.audit.anchor.rpc-url} is set; the default run's demo sets it to its
 * chain 31337 (docs/demo.md). Each anchored checkpoint is announced inside this module ({@link
 * CheckpointAnchored}), so the {@code auditChain} health component compares it at once.
 */
@Component
public class AuditAnchors {

  private static final Logger log = LoggerFactory.getLogger(AuditAnchors.class);
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] MAGIC = "CRDA".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DOMAIN =
      "credence-audit-checkpoint-v1".getBytes(StandardCharsets.US_ASCII);
  private static final int PAYLOAD = 4 + 8 + 32 + 65;

  /**
   * Runtime code of the anchor contract: {@code CALLDATACOPY(0, 0, CALLDATASIZE); LOG0(0,
   * CALLDATASIZE); STOP}.
   */
  static final String RUNTIME = "366000600037366000a000";

  /** Init code: copies the 11 runtime bytes that follow it and returns them. */
  static final String INIT = "600b80600b6000396000f3" + RUNTIME;

  private final AuditLog audit;
  private final AnchorProperties props;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final Optional<AnchorChain> chain;
  private final ECKeyPair signer;
  private volatile String contract;
  private volatile boolean connected; // the node and the contract were checked at start-up
  private volatile long lastAnchoredSeq;
  private volatile Instant lastAnchoredAt;

  AuditAnchors(
      AuditLog audit,
      AnchorProperties props,
      Clock clock,
      JsonMapper json,
      ApplicationEventPublisher events) {
    this.audit = audit;
    this.props = props;
    this.clock = clock;
    this.events = events;
    if (props.enabled()) {
      if (props.chainId() == null) {
        throw new IllegalStateException("credence.audit.anchor.chain-id is required with rpc-url");
      }
      Credentials sender =
          Credentials.create(key(props.senderKey(), props.senderKeyFile(), "sender-key"));
      this.signer =
          Credentials.create(key(props.signingKey(), props.signingKeyFile(), "signing-key"))
              .getEcKeyPair();
      this.chain =
          Optional.of(new AnchorChain(URI.create(props.rpcUrl()), props.chainId(), sender, json));
      this.contract = StringUtils.hasText(props.contractAddress()) ? props.contractAddress() : null;
    } else {
      this.chain = Optional.empty();
      this.signer = null;
    }
  }

  public boolean enabled() {
    return chain.isPresent();
  }

  /** The anchor contract, once known. */
  public Optional<String> contract() {
    return Optional.ofNullable(contract);
  }

  /** The anchor chain's id, when anchoring is enabled. */
  public Optional<Long> chainId() {
    return chain.map(AnchorChain::chainId);
  }

  /** The address of the audit key that signs checkpoints. */
  public Optional<String> signerAddress() {
    return Optional.ofNullable(signer).map(k -> "0x" + Keys.getAddress(k));
  }

  @EventListener(ApplicationReadyEvent.class)
  void connect() {
    if (chain.isEmpty()) {
      return;
    }
    AnchorChain c = chain.get();
    long node = c.nodeChainId();
    if (node != c.chainId()) {
      throw new IllegalStateException(
          "the anchor RPC serves chain " + node + ", configured chain-id is " + c.chainId());
    }
    if (contract == null) {
      if (!props.deployOnStart()) {
        throw new IllegalStateException(
            "set credence.audit.anchor.contract-address or deploy-on-start=true");
      }
      contract = c.deploy(HEX.parseHex(INIT));
      log.info("Deployed the audit anchor contract at {} on chain {}", contract, node);
    }
    if (!Arrays.equals(c.code(contract), HEX.parseHex(RUNTIME))) {
      throw new IllegalStateException("no audit anchor contract at " + contract);
    }
    latest().ifPresent(cp -> lastAnchoredSeq = cp.seq());
    connected = true;
    log.info(
        "Audit checkpoints are anchored on chain {} at {}, signed by the audit key {}",
        node,
        contract,
        signerAddress().orElseThrow());
  }

  /** Every {@code check-interval}: anchors when due; a failure is retried at the next check. */
  @Scheduled(fixedDelayString = "${credence.audit.anchor.check-interval:PT30S}")
  void anchorWhenDue() {
    try {
      anchorIfDue();
    } catch (RuntimeException e) {
      log.warn("Audit anchoring failed, will retry: {}", e.getMessage());
    }
  }

  /**
   * Anchors the head when {@code every-entries} entries were appended since the last anchor, or
   * {@code every} has passed since it (or nothing was anchored since start-up) and the head moved;
   * never before the start-up check of the node and the contract.
   *
   * @return the checkpoint anchored now, or empty when none was due (or anchoring is off)
   * @throws RuntimeException when the anchor transaction fails (nothing is recorded as anchored)
   */
  public Optional<Checkpoint> anchorIfDue() {
    if (chain.isEmpty() || !connected) {
      return Optional.empty();
    }
    Optional<AuditEntry> head = audit.head();
    if (head.isEmpty() || head.get().seq() <= lastAnchoredSeq) {
      return Optional.empty();
    }
    boolean enoughEntries = head.get().seq() - lastAnchoredSeq >= props.everyEntries();
    boolean longEnough =
        lastAnchoredAt == null || !clock.instant().isBefore(lastAnchoredAt.plus(props.every()));
    return enoughEntries || longEnough ? anchorNow() : Optional.empty();
  }

  /**
   * Signs the current head and anchors it now; empty when the log is empty. One at a time: the
   * scheduler and a caller never race for the sender's nonce.
   */
  public synchronized Optional<Checkpoint> anchorNow() {
    AnchorChain c = chain.orElseThrow(() -> new IllegalStateException("anchoring is disabled"));
    Optional<AuditEntry> head = audit.head();
    if (head.isEmpty()) {
      return Optional.empty();
    }
    Checkpoint checkpoint = new Checkpoint(head.get().seq(), head.get().hash());
    byte[] digest = digest(c.chainId(), contract, checkpoint);
    Sign.SignatureData sig = Sign.signMessage(digest, signer, false);
    ByteBuffer payload = ByteBuffer.allocate(PAYLOAD);
    payload.put(MAGIC).putLong(checkpoint.seq()).put(checkpoint.hash());
    payload.put(sig.getR()).put(sig.getS()).put(sig.getV()[0]);
    c.send(contract, payload.array());
    lastAnchoredSeq = checkpoint.seq();
    lastAnchoredAt = clock.instant();
    log.debug("Anchored audit entry {} on chain {}", checkpoint.seq(), c.chainId());
    events.publishEvent(new CheckpointAnchored(checkpoint));
    return Optional.of(checkpoint);
  }

  /** The newest checkpoint on-chain that the audit key signed. */
  public Optional<Checkpoint> latest() {
    AnchorChain c = chain.orElseThrow(() -> new IllegalStateException("anchoring is disabled"));
    List<byte[]> logs = c.logData(contract, props.startBlock());
    Checkpoint newest = null;
    for (byte[] data : logs) {
      Optional<Checkpoint> valid = parse(c.chainId(), data);
      if (valid.isPresent() && (newest == null || valid.get().seq() > newest.seq())) {
        newest = valid.get();
      }
    }
    return Optional.ofNullable(newest);
  }

  /**
   * Compares the database with the newest anchored checkpoint.
   *
   * @return empty when consistent (or nothing anchored yet), else what is wrong
   */
  public Optional<AnchorMismatch> verifyAgainstLatest() {
    return latest().flatMap(this::compare);
  }

  /**
   * Compares the database with one anchored checkpoint.
   *
   * @return empty when the database holds the anchored entry with the anchored hash, else what is
   *     wrong
   */
  public Optional<AnchorMismatch> compare(Checkpoint cp) {
    Optional<AuditEntry> entry = audit.entry(cp.seq());
    if (entry.isEmpty()) {
      long head = audit.head().map(AuditEntry::seq).orElse(0L);
      return Optional.of(
          new AnchorMismatch(
              cp.seq(),
              head + 1,
              "entries "
                  + (head + 1)
                  + ".."
                  + cp.seq()
                  + " are missing: the log was truncated after it was anchored"));
    }
    if (!MessageDigest.isEqual(entry.get().hash(), cp.hash())) {
      return Optional.of(
          new AnchorMismatch(
              cp.seq(),
              cp.seq(),
              "entry " + cp.seq() + " does not match its anchored hash: the chain was rewritten"));
    }
    return Optional.empty();
  }

  private Optional<Checkpoint> parse(long chainId, byte[] data) {
    if (data.length != PAYLOAD || !Arrays.equals(Arrays.copyOf(data, 4), MAGIC)) {
      return Optional.empty();
    }
    ByteBuffer in = ByteBuffer.wrap(data, 4, data.length - 4);
    long seq = in.getLong();
    byte[] hash = new byte[32];
    in.get(hash);
    byte[] r = new byte[32];
    byte[] s = new byte[32];
    in.get(r);
    in.get(s);
    byte v = in.get();
    Checkpoint cp = new Checkpoint(seq, hash);
    try {
      BigInteger key =
          Sign.signedMessageHashToKey(
              digest(chainId, contract, cp), new Sign.SignatureData(v, r, s));
      return Keys.getAddress(key).equals(Keys.getAddress(signer))
          ? Optional.of(cp)
          : Optional.empty();
    } catch (java.security.SignatureException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static byte[] digest(long chainId, String contract, Checkpoint cp) {
    ByteBuffer buffer = ByteBuffer.allocate(DOMAIN.length + 8 + 20 + 8 + 32);
    buffer.put(DOMAIN).putLong(chainId).put(AnchorChain.bytes(contract));
    buffer.putLong(cp.seq()).put(cp.hash());
    return Hash.sha3(buffer.array());
  }

  private static String key(String value, Path file, String name) {
    if (StringUtils.hasText(value)) {
      return value.strip();
    }
    if (file != null) {
      try {
        return Files.readString(file).strip();
      } catch (IOException e) {
        throw new IllegalStateException("cannot read credence.audit.anchor." + name + "-file");
      }
    }
    throw new IllegalStateException(
        "credence.audit.anchor." + name + " (or " + name + "-file) is required with rpc-url");
  }

  /** An anchored head: entry {@code seq} had {@code hash}. */
  public record Checkpoint(long seq, byte[] hash) {}

  /** A checkpoint was anchored by this instance (an event inside the audit module). */
  record CheckpointAnchored(Checkpoint checkpoint) {}

  /**
   * The database disagrees with the newest anchor.
   *
   * @param anchoredSeq the anchored entry
   * @param firstBrokenSeq the first entry found wrong or missing
   */
  public record AnchorMismatch(long anchoredSeq, long firstBrokenSeq, String problem) {}
}
