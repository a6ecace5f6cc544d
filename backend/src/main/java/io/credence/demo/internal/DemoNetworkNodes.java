package io.credence.demo.internal;

import io.credence.attestations.contracts.BulletproofsRangeVerifier;
import io.credence.attestations.contracts.CredenceRegistry;
import io.credence.attestations.contracts.ExampleLendingPool;
import io.credence.attestations.demo.DemoAaveOracle;
import io.credence.attestations.demo.DemoAavePool;
import io.credence.attestations.demo.DemoComet;
import io.credence.attestations.demo.DemoPriceFeed;
import io.credence.attestations.demo.DemoToken;
import io.credence.demo.DemoAuditAnchor;
import io.credence.demo.DemoChain;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the two demo nodes and makes sure each holds the demo deployment: a chain whose state file
 * and manifest say it was deployed, and whose contracts are there, is used as it is; any other
 * (first start, or a state file lost or cut short) is started afresh, deployed and seeded, and its
 * manifest written last. Chain 31337 also holds the audit anchor contract ({@link
 * AuditAnchorDeployment}), recorded in its manifest; a kept chain without one (a demo folder from
 * before anchoring) gets it deployed and its manifest rewritten.
 */
public final class DemoNetworkNodes implements AutoCloseable {

  public static final long CHAIN_A = 31337;
  public static final long CHAIN_B = 31338;

  private static final Logger logger = LoggerFactory.getLogger(DemoNetworkNodes.class);

  /**
   * Fingerprint of the bytecode the demo deploys, kept in each chain's manifest. A kept chain whose
   * contracts differ from this build's (a verifier from before a protocol revision refuses the new
   * proofs) is started afresh rather than used.
   */
  static final String CONTRACTS =
      fingerprint(
          BulletproofsRangeVerifier.BINARY,
          CredenceRegistry.BINARY,
          ExampleLendingPool.BINARY,
          DemoToken.BINARY,
          DemoAaveOracle.BINARY,
          DemoAavePool.BINARY,
          DemoPriceFeed.BINARY,
          DemoComet.BINARY);

  /** How far back the seeded histories reach (the genesis of a new demo chain). */
  static final Duration HISTORY_SPAN = Duration.ofDays(800);

  private static final Duration DEPLOYED_BEFORE = Duration.ofDays(790);

  private final List<AnvilProcess> nodes;
  private final List<DemoChain> chains;
  private final DemoAuditAnchor auditAnchor;
  private final boolean deployedNow;
  private final FileChannel lockChannel;

  private DemoNetworkNodes(
      List<AnvilProcess> nodes,
      List<DemoChain> chains,
      DemoAuditAnchor auditAnchor,
      boolean deployedNow,
      FileChannel lockChannel) {
    this.nodes = nodes;
    this.chains = chains;
    this.auditAnchor = auditAnchor;
    this.deployedNow = deployedNow;
    this.lockChannel = lockChannel;
  }

  /**
   * Starts both chains.
   *
   * @param stateDir where chains, manifests, logs and the lock are kept; null for chains that live
   *     in memory only (logs then go to {@code logDir})
   * @param firstPort chain 31337 listens on it, 31338 on the next; 0 = any free ports
   * @throws DemoStartException if a node does not start, another server holds {@code stateDir}, or
   *     deployment or seeding fails
   */
  public static DemoNetworkNodes start(Path binary, Path stateDir, int firstPort, Path logDir) {
    FileChannel lock = stateDir == null ? null : lock(stateDir);
    List<AnvilProcess> started = new ArrayList<>();
    ExecutorService both = Executors.newFixedThreadPool(2);
    try {
      Instant now = Instant.now();
      List<Future<Started>> futures = new ArrayList<>();
      long[] ids = {CHAIN_A, CHAIN_B};
      for (int i = 0; i < ids.length; i++) {
        long id = ids[i];
        int port = firstPort == 0 ? 0 : firstPort + i;
        futures.add(
            both.submit(() -> startChain(binary, stateDir, logDir, id, port, now, started)));
      }
      List<DemoChain> chains = new ArrayList<>();
      DemoAuditAnchor anchor = null;
      boolean deployed = false;
      for (Future<Started> f : futures) {
        Started s = f.get();
        chains.add(s.chain());
        anchor = s.auditAnchor() != null ? s.auditAnchor() : anchor;
        deployed |= s.deployedNow();
      }
      return new DemoNetworkNodes(
          List.copyOf(started), List.copyOf(chains), anchor, deployed, lock);
    } catch (ExecutionException | InterruptedException | RuntimeException e) {
      both.shutdownNow(); // the other chain stops at its next call; wait so no node is left behind
      try {
        both.awaitTermination(60, TimeUnit.SECONDS);
      } catch (InterruptedException again) {
        Thread.currentThread().interrupt();
      }
      synchronized (started) {
        started.forEach(AnvilProcess::close);
      }
      closeQuietly(lock);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      if (cause instanceof DemoStartException demo) {
        throw demo;
      }
      throw new DemoStartException(
          "The demo chains could not be deployed: " + cause.getMessage(),
          stateDir == null
              ? "Set credence.demo.enabled=false to start without them."
              : "Remove " + stateDir + " to start them afresh, or set credence.demo.enabled=false.",
          cause);
    } finally {
      both.shutdown();
    }
  }

  /** One chain as started; {@code auditAnchor} is null except on {@link #CHAIN_A}. */
  private record Started(DemoChain chain, DemoAuditAnchor auditAnchor, boolean deployedNow) {}

  private static Started startChain(
      Path binary,
      Path stateDir,
      Path logDir,
      long id,
      int port,
      Instant now,
      List<AnvilProcess> started)
      throws Exception {
    String name = id == CHAIN_A ? "demo-a" : "demo-b";
    Path state = stateDir == null ? null : stateDir.resolve("chain-" + id + ".json");
    Path manifest = stateDir == null ? null : stateDir.resolve("chain-" + id + ".properties");
    Path log = (stateDir == null ? logDir : stateDir).resolve("anvil-" + id + ".log");
    Instant genesis = now.minus(HISTORY_SPAN);
    AnvilProcess node = AnvilProcess.start(binary, id, port, state, genesis, log);
    register(started, node);
    ChainTransactions tx = new ChainTransactions(id, node.rpcUrl());
    try {
      if (manifest != null && Files.exists(manifest)) {
        Properties recorded = load(manifest);
        DemoChain kept = chain(recorded, name, node.rpcUrl());
        boolean sameContracts = CONTRACTS.equals(recorded.getProperty("contracts"));
        if (!sameContracts) {
          logger.info(
              "The demo contracts changed since chain {} was deployed (e.g. a new verifier):"
                  + " the chain starts afresh",
              id);
        }
        if (sameContracts && tx.hasCode(kept.registry()) && tx.hasCode(kept.comet())) {
          DemoAuditAnchor anchor = null;
          if (id == CHAIN_A) {
            anchor = keptAnchor(recorded, tx, node.rpcUrl());
            if (anchor == null) { // a demo folder from before anchoring
              anchor = AuditAnchorDeployment.deploy(tx, node.rpcUrl());
              write(manifest, kept, anchor);
            }
          }
          return new Started(kept, anchor, false);
        }
        // The state file is missing or older than the manifest, or holds other contracts: start
        // the chain afresh.
        tx.close();
        node.close();
        unregister(started, node);
        Files.deleteIfExists(manifest);
        Files.deleteIfExists(state);
        node = AnvilProcess.start(binary, id, port, state, genesis, log);
        register(started, node);
        tx = new ChainTransactions(id, node.rpcUrl());
      } else if (tx.blockNumber() > 0) {
        // A first deployment cut short (no manifest): never use a half-seeded chain.
        tx.close();
        node.close();
        unregister(started, node);
        if (state != null) {
          Files.deleteIfExists(state);
        }
        node = AnvilProcess.start(binary, id, port, state, genesis, log);
        register(started, node);
        tx = new ChainTransactions(id, node.rpcUrl());
      }
      DemoChain chain = DemoDeployment.deploy(tx, name, node.rpcUrl(), now.minus(DEPLOYED_BEFORE));
      DemoHistories.seed(tx, chain, now);
      DemoAuditAnchor anchor =
          id == CHAIN_A ? AuditAnchorDeployment.deploy(tx, node.rpcUrl()) : null;
      if (manifest != null) {
        write(manifest, chain, anchor);
      }
      return new Started(chain, anchor, true);
    } finally {
      tx.close();
    }
  }

  private static void register(List<AnvilProcess> started, AnvilProcess node) {
    synchronized (started) {
      started.add(node);
    }
  }

  private static void unregister(List<AnvilProcess> started, AnvilProcess node) {
    synchronized (started) {
      started.remove(node);
    }
  }

  /**
   * One server per demo folder: a second one beside a running server would fight over its nodes.
   */
  private static FileChannel lock(Path stateDir) {
    try {
      Files.createDirectories(stateDir);
      Path file = stateDir.resolve("demo.lock");
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException sameJvm) {
        lock = null;
      }
      if (lock == null) {
        String owner = Files.readString(file, StandardCharsets.UTF_8).strip();
        channel.close();
        throw new DemoStartException(
            "Credence is already running with the data folder "
                + stateDir.toAbsolutePath().normalize().getParent()
                + (owner.isEmpty() ? "" : " (" + owner + ")")
                + ".",
            "Leave it running and use it, stop it first, or start this one with its own"
                + " CREDENCE_DATA_DIR.",
            null);
      }
      channel.truncate(0);
      String me = "pid " + ProcessHandle.current().pid() + ", started " + Instant.now();
      channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(true);
      return channel;
    } catch (IOException e) {
      throw new DemoStartException(
          "The demo chains cannot keep their state in " + stateDir + ": " + e.getMessage(),
          "Set credence.demo.data-dir to a writable folder, or credence.demo.enabled=false.",
          e);
    }
  }

  private static Properties load(Path manifest) throws IOException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return p;
  }

  /** The recorded anchor contract, if the manifest names one and its code is on the chain. */
  private static DemoAuditAnchor keptAnchor(Properties p, ChainTransactions tx, String rpcUrl) {
    String contract = p.getProperty("audit-anchor");
    String block = p.getProperty("audit-anchor-block");
    if (contract == null || block == null || !AuditAnchorDeployment.isDeployed(tx, contract)) {
      return null;
    }
    return new DemoAuditAnchor(tx.chainId, rpcUrl, contract, Long.parseLong(block));
  }

  private static DemoChain chain(Properties p, String name, String rpcUrl) {
    return new DemoChain(
        Long.parseLong(p.getProperty("chain-id")),
        name,
        rpcUrl,
        Long.parseLong(p.getProperty("start-block")),
        p.getProperty("weth"),
        p.getProperty("usdc"),
        p.getProperty("aave-oracle"),
        p.getProperty("aave-pool"),
        p.getProperty("usdc-price-feed"),
        p.getProperty("weth-price-feed"),
        p.getProperty("comet"),
        p.getProperty("verifier"),
        p.getProperty("registry"),
        p.getProperty("lending-pool"));
  }

  private static String fingerprint(String... binaries) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      for (String binary : binaries) {
        sha256.update(binary.getBytes(StandardCharsets.US_ASCII));
        sha256.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(Path manifest, DemoChain c, DemoAuditAnchor anchor) throws IOException {
    Properties p = new Properties();
    p.setProperty("chain-id", Long.toString(c.chainId()));
    p.setProperty("contracts", CONTRACTS);
    p.setProperty("start-block", Long.toString(c.startBlock()));
    p.setProperty("weth", c.weth());
    p.setProperty("usdc", c.usdc());
    p.setProperty("aave-oracle", c.aaveOracle());
    p.setProperty("aave-pool", c.aavePool());
    p.setProperty("usdc-price-feed", c.usdcPriceFeed());
    p.setProperty("weth-price-feed", c.wethPriceFeed());
    p.setProperty("comet", c.comet());
    p.setProperty("verifier", c.verifier());
    p.setProperty("registry", c.registry());
    p.setProperty("lending-pool", c.lendingPool());
    if (anchor != null) {
      p.setProperty("audit-anchor", anchor.contract());
      p.setProperty("audit-anchor-block", Long.toString(anchor.deployedInBlock()));
    }
    Path tmp = manifest.resolveSibling(manifest.getFileName() + ".tmp");
    try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      p.store(out, "Credence demo chain " + c.chainId() + ": deployed and seeded");
    }
    Files.move(
        tmp,
        manifest,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  public List<DemoChain> chains() {
    return chains;
  }

  /** The audit anchor contract on {@link #CHAIN_A}. */
  public DemoAuditAnchor auditAnchor() {
    return auditAnchor;
  }

  /** Whether this start deployed and seeded (rather than found the chains kept). */
  public boolean deployedNow() {
    return deployedNow;
  }

  /** Stops both nodes (each writes its state first) and releases the folder. */
  @Override
  public void close() {
    nodes.forEach(AnvilProcess::close);
    closeQuietly(lockChannel);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // the kernel drops the lock with the process anyway
      }
    }
  }
}
