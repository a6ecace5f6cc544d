package io.credence.demo;

import io.credence.demo.internal.DemoNetworkNodes;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two local demo chains, running: chain 31337 ({@code demo-a}) and 31338 ({@code demo-b}), each
 * with the demo markets, registry, verifier and example lending pool deployed and the demo
 * histories seeded (docs/demo.md). The default run starts one with its state under the data folder;
 * tests start one in memory ({@code io.credence.support.DemoNetwork}).
 *
 * <p>{@link #springProperties()} is the configuration that points the server at these chains,
 * exactly as an operator would write it for any chains ({@code credence.chains[...]}), plus the
 * local-demo keys and role addresses, and audit anchoring on chain 31337 ({@code
 * credence.audit.anchor.*}, into the anchor contract the demo deployed there).
 */
public final class LocalDemoNetwork implements AutoCloseable {

  /** The first demo chain's id ({@code demo-a}). */
  public static final long CHAIN_A = DemoNetworkNodes.CHAIN_A;

  /** The second demo chain's id ({@code demo-b}). */
  public static final long CHAIN_B = DemoNetworkNodes.CHAIN_B;

  /**
   * EVM chain ids sign-in accepts when the demo runs: the auth module's defaults and both demo
   * chains.
   */
  static final String SIGN_IN_CHAIN_IDS = "1,10,137,8453,42161,31337,31338";

  /**
   * The demo anchors a checkpoint every 20 entries or every minute (while entries are appended), so
   * a short session sees its log anchored; an operator's defaults are 100 entries / 10 minutes.
   */
  static final int ANCHOR_EVERY_ENTRIES = 20;

  static final String ANCHOR_EVERY = "1m";

  /** Prefix of the audit anchoring properties ({@code io.credence.audit}'s configuration). */
  public static final String AUDIT_ANCHOR = "credence.audit.anchor.";

  private final DemoNetworkNodes nodes;

  private LocalDemoNetwork(DemoNetworkNodes nodes) {
    this.nodes = nodes;
  }

  /**
   * Starts both chains; deploys and seeds them unless {@code stateDir} already holds a deployed
   * demo.
   *
   * @param anvilBinary the Anvil executable
   * @param stateDir where the chains are kept across restarts, or null for chains in memory
   * @param firstPort chain 31337's RPC port (31338 gets the next one); 0 = any free ports
   * @param logDir where the nodes' output goes when {@code stateDir} is null
   * @throws RuntimeException (a {@code DemoStartException}, reported as one line at start-up) if a
   *     node cannot start or the deployment fails; nodes already started are stopped
   */
  public static LocalDemoNetwork start(
      Path anvilBinary, Path stateDir, int firstPort, Path logDir) {
    return new LocalDemoNetwork(DemoNetworkNodes.start(anvilBinary, stateDir, firstPort, logDir));
  }

  /** Both chains, 31337 first. */
  public List<DemoChain> chains() {
    return nodes.chains();
  }

  /**
   * One chain.
   *
   * @throws IllegalArgumentException if {@code chainId} is not a demo chain
   */
  public DemoChain chain(long chainId) {
    return chains().stream()
        .filter(c -> c.chainId() == chainId)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a demo chain: " + chainId));
  }

  /** The audit anchor contract on chain 31337: where the demo's configuration anchors. */
  public DemoAuditAnchor auditAnchor() {
    return nodes.auditAnchor();
  }

  /** Whether this start deployed and seeded the chains (false: they were kept from before). */
  public boolean deployedNow() {
    return nodes.deployedNow();
  }

  /**
   * The server configuration for these chains: {@code credence.chains[i].*} (id, name, rpc-url,
   * public-rpc-url, confirmations 0, max-block-range, start-block, registry-address, markets: the
   * Aave pool with its oracle and the Comet), {@code credence.auth.evm-chain-ids} (adds 31338), and
   * the local-demo keys and roles: {@code credence.issuer.key} (account 7), {@code
   * credence.relayer.key} (account 0), {@code credence.demo.issuer-address}, {@code
   * credence.demo.lender-address} (account 8), {@code credence.demo.compliance-address} (account
   * 9), and audit anchoring on chain 31337: {@code credence.audit.anchor.rpc-url}, {@code
   * chain-id}, {@code contract-address} and {@code start-block} ({@link #auditAnchor()}), {@code
   * sender-key} (account 10), {@code signing-key} (account 11, the demo's audit key), {@code
   * every-entries} 20 and {@code every} 1 minute.
   */
  public Map<String, Object> springProperties() {
    Map<String, Object> p = new LinkedHashMap<>();
    List<DemoChain> chains = chains();
    for (int i = 0; i < chains.size(); i++) {
      DemoChain c = chains.get(i);
      String chain = "credence.chains[" + i + "].";
      p.put(chain + "id", c.chainId());
      p.put(chain + "name", c.name());
      p.put(chain + "rpc-url", c.rpcUrl());
      p.put(chain + "public-rpc-url", c.rpcUrl());
      p.put(chain + "confirmations", 0);
      p.put(chain + "max-block-range", 2000);
      p.put(chain + "start-block", c.startBlock());
      p.put(chain + "registry-address", c.registry());
      p.put(chain + "markets[0].protocol", "aave-v3");
      p.put(chain + "markets[0].address", c.aavePool());
      p.put(chain + "markets[0].oracle", c.aaveOracle());
      p.put(chain + "markets[1].protocol", "compound-v3");
      p.put(chain + "markets[1].address", c.comet());
    }
    p.put("credence.auth.evm-chain-ids", SIGN_IN_CHAIN_IDS);
    p.put("credence.issuer.key", DemoAccounts.key(DemoAccounts.ISSUER));
    p.put("credence.relayer.key", DemoAccounts.key(DemoAccounts.ADMIN));
    p.put("credence.demo.issuer-address", DemoAccounts.address(DemoAccounts.ISSUER));
    p.put("credence.demo.lender-address", DemoAccounts.address(DemoAccounts.LENDER));
    p.put("credence.demo.compliance-address", DemoAccounts.address(DemoAccounts.COMPLIANCE));
    DemoAuditAnchor anchor = auditAnchor();
    p.put(AUDIT_ANCHOR + "rpc-url", anchor.rpcUrl());
    p.put(AUDIT_ANCHOR + "chain-id", anchor.chainId());
    p.put(AUDIT_ANCHOR + "contract-address", anchor.contract());
    p.put(AUDIT_ANCHOR + "start-block", anchor.deployedInBlock());
    p.put(AUDIT_ANCHOR + "sender-key", DemoAccounts.key(DemoAccounts.AUDIT_ANCHOR_SENDER));
    p.put(AUDIT_ANCHOR + "signing-key", DemoAccounts.key(DemoAccounts.AUDIT_SIGNER));
    p.put(AUDIT_ANCHOR + "every-entries", ANCHOR_EVERY_ENTRIES);
    p.put(AUDIT_ANCHOR + "every", ANCHOR_EVERY);
    return p;
  }

  /** Stops both nodes (with a state folder, each writes its state first). */
  @Override
  public void close() {
    nodes.close();
  }
}
