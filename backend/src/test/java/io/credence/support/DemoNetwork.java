package io.credence.support;

import io.credence.demo.DemoAccounts;
import io.credence.demo.DemoAuditAnchor;
import io.credence.demo.DemoChain;
import io.credence.demo.LocalDemoNetwork;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * The default run's two-chain demo for tests: the same nodes, deployment and seeded histories as
 * {@code java -jar credence-backend.jar} starts (io.credence.demo, docs/demo.md), started once per
 * test JVM, in memory, on free ports, and shared by every test that asks for it. Chains 31337
 * ({@code demo-a}) and 31338 ({@code demo-b}); the contract addresses are the same on both.
 *
 * <p>Point a Spring test at it with the very configuration the default run uses:
 *
 * <pre>{@code
 * @SpringBootTest(webEnvironment = RANDOM_PORT, properties = "credence.history.run-jobs=true")
 * class MyJourneyIT {
 *   @DynamicPropertySource
 *   static void demoChains(DynamicPropertyRegistry registry) {
 *     DemoNetwork.shared().registerProperties(registry); // credence.chains[..], keys, roles
 *   }
 *
 *   @Test
 *   void ...() {
 *     Credentials borrower = DemoNetwork.account(6);        // seeded on 31337
 *     DemoChain chain = DemoNetwork.shared().chain(DemoNetwork.CHAIN_B);
 *     String registry = chain.registry();                  // issuer (account 7) authorised
 *   }
 * }
 * }</pre>
 *
 * <p>Do not send transactions that change the seeded histories (accounts 1–6 on the demo markets):
 * other test classes read them. Minting on the registry, using the example lending pool, or any
 * account's transactions elsewhere are fine. The histories are seeded relative to the time the JVM
 * started the network. Anvil's output goes to {@code target/demo-chains/anvil-<chainId>.log}.
 */
public final class DemoNetwork {

  /** Chain {@code demo-a}: accounts 1, 3, 4 and 6 have their histories here. */
  public static final long CHAIN_A = LocalDemoNetwork.CHAIN_A;

  /** Chain {@code demo-b}: accounts 2 and 5 have their histories here. */
  public static final long CHAIN_B = LocalDemoNetwork.CHAIN_B;

  private static DemoNetwork shared;

  private final LocalDemoNetwork network;
  private final java.time.Duration startTime;

  private DemoNetwork(LocalDemoNetwork network, java.time.Duration startTime) {
    this.network = network;
    this.startTime = startTime;
  }

  /** The JVM's demo network, started, deployed and seeded on first use (about 10-30 s). */
  public static synchronized DemoNetwork shared() {
    if (shared == null) {
      long t0 = System.nanoTime();
      LocalDemoNetwork started =
          LocalDemoNetwork.start(AnvilNode.binary(), null, 0, Path.of("target", "demo-chains"));
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "demo-network-stop"));
      shared = new DemoNetwork(started, java.time.Duration.ofNanos(System.nanoTime() - t0));
    }
    return shared;
  }

  /** The Anvil binary the build installed (as {@link AnvilNode} uses). */
  public static Path anvilBinary() {
    return AnvilNode.binary();
  }

  /** How long starting, deploying and seeding this JVM's network took (for the demo harness). */
  public java.time.Duration startTime() {
    return startTime;
  }

  /** Both chains, 31337 first: RPC URL and every contract address. */
  public List<DemoChain> chains() {
    return network.chains();
  }

  /** One demo chain ({@link #CHAIN_A} or {@link #CHAIN_B}). */
  public DemoChain chain(long chainId) {
    return network.chain(chainId);
  }

  /** The audit anchor contract the demo deployed on {@link #CHAIN_A}. */
  public DemoAuditAnchor auditAnchor() {
    return network.auditAnchor();
  }

  /** A client of one demo chain's node. */
  public Web3j web3j(long chainId) {
    return Web3j.build(new HttpService(chain(chainId).rpcUrl()));
  }

  /**
   * The Spring properties the default run adds for the demo: {@code credence.chains[0..1].*},
   * {@code credence.auth.evm-chain-ids}, {@code credence.issuer.key}, {@code credence.relayer.key},
   * {@code credence.demo.issuer-address}, {@code credence.demo.lender-address}, {@code
   * credence.demo.compliance-address}, and audit anchoring on {@link #CHAIN_A} ({@code
   * credence.audit.anchor.*}: the suite's one anchor contract; in the test configuration no context
   * anchors by itself, see {@code config/application.yml}).
   */
  public Map<String, Object> springProperties() {
    return network.springProperties();
  }

  /** Adds {@link #springProperties()} to a test's {@code @DynamicPropertySource}. */
  public void registerProperties(DynamicPropertyRegistry registry) {
    springProperties().forEach((name, value) -> registry.add(name, () -> value));
  }

  /** A demo account's key pair (0–9 of Anvil's public test mnemonic; see {@link DemoAccounts}). */
  public static Credentials account(int index) {
    return DemoAccounts.credentials(index);
  }

  /** A demo account's checksummed address. */
  public static String address(int index) {
    return DemoAccounts.address(index);
  }

  /** The issuer's signing key (account 7), as {@code credence.issuer.key}. */
  public static String issuerKey() {
    return DemoAccounts.key(DemoAccounts.ISSUER);
  }

  /** The relayer's gas-paying key (account 0, also deployer and registry admin). */
  public static String relayerKey() {
    return DemoAccounts.key(DemoAccounts.ADMIN);
  }

  /** The demo lender's address (account 8). */
  public static String lenderAddress() {
    return DemoAccounts.address(DemoAccounts.LENDER);
  }

  /** The demo compliance officer's address (account 9). */
  public static String complianceAddress() {
    return DemoAccounts.address(DemoAccounts.COMPLIANCE);
  }
}
