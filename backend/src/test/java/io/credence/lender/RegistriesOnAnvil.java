package io.credence.lender;

import io.credence.attestations.AttestationIssuer;
import io.credence.attestations.Bytes32;
import io.credence.attestations.CredentialPackage;
import io.credence.attestations.RegistryClient;
import io.credence.support.AnvilNode;
import io.credence.support.TestWallets;
import io.credence.zk.Opening;
import io.credence.zk.Statement;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * The lender and compliance ITs' shared world, deployed once per test JVM: a Credence registry on
 * two real Anvil chains (31337, 31338) that trusts one issuer key, a lender and a compliance wallet
 * configured by address, and packages issued with the real {@link AttestationIssuer}. Every
 * subclass has the same configuration, so they share one Spring context.
 */
public abstract class RegistriesOnAnvil {

  public static final long CHAIN_A = 31_337;
  public static final long CHAIN_B = 31_338;

  /** 2 gwei, 15M gas: enough to deploy the verifier with its generator table. */
  static final ContractGasProvider GAS =
      new StaticGasProvider(BigInteger.valueOf(2_000_000_000L), BigInteger.valueOf(15_000_000L));

  static final SecureRandom RANDOM = new SecureRandom();
  public static final Bytes32 MODEL_ID =
      Bytes32.of(org.web3j.crypto.Hash.sha3("credence-test-model".getBytes()));

  /** The key of the issuer the registries trust; the server signs with it too. */
  static final ECKeyPair ISSUER_KEY =
      ECKeyPair.create(new BigInteger(1, bytes(32)).add(BigInteger.ONE));

  public static final TestWallets.Evm LENDER = TestWallets.Evm.random();
  public static final TestWallets.Evm OFFICER = TestWallets.Evm.random();

  private static World world;

  /** The deployed registries and the trusted issuer. */
  public record World(
      AnvilNode a,
      AnvilNode b,
      RegistryClient registryA,
      RegistryClient registryB,
      AttestationIssuer issuer) {}

  public static synchronized World world() {
    if (world == null) {
      try {
        AnvilNode a = AnvilNode.chain(CHAIN_A);
        AnvilNode b = AnvilNode.chain(CHAIN_B);
        AttestationIssuer issuer =
            new AttestationIssuer(Credentials.create(ISSUER_KEY), RANDOM, Clock.systemUTC());
        RegistryClient ra = deploy(a);
        RegistryClient rb = deploy(b);
        ra.authorizeIssuer(issuer.address());
        rb.authorizeIssuer(issuer.address());
        world = new World(a, b, ra, rb, issuer);
      } catch (Exception e) {
        throw new IllegalStateException("could not deploy the test registries", e);
      }
    }
    return world;
  }

  @DynamicPropertySource
  static void registries(DynamicPropertyRegistry registry) {
    registry.add("credence.roles.lenders", LENDER::address);
    registry.add("credence.roles.compliance", OFFICER::address);
    // The server issues with the key the registries trust (its outbox does not run in tests).
    registry.add(
        "credence.issuer.key",
        () ->
            org.web3j.utils.Numeric.toHexStringWithPrefixZeroPadded(
                ISSUER_KEY.getPrivateKey(), 64));
    registry.add("credence.relayer.key", () -> AnvilNode.DEV_KEYS.get(1));
    registry.add(
        "credence.attestation.opening-key",
        () -> "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    int i = 0;
    for (AnvilNode node : new AnvilNode[] {world().a(), world().b()}) {
      RegistryClient client = node == world().a() ? world().registryA() : world().registryB();
      String prefix = "credence.chains[" + i++ + "].";
      registry.add(prefix + "id", node::chainId);
      registry.add(prefix + "name", () -> "anvil-" + node.chainId());
      registry.add(prefix + "rpc-url", node::rpcUrl);
      registry.add(prefix + "confirmations", () -> 0);
      registry.add(prefix + "max-block-range", () -> 1000);
      registry.add(prefix + "registry-address", () -> client.address().toString());
    }
  }

  /** Signing in queued history syncs of these chains; no job runner of this context takes them. */
  @org.junit.jupiter.api.AfterAll
  static void dropQueuedSyncs(
      @org.springframework.beans.factory.annotation.Autowired
          org.springframework.jdbc.core.simple.JdbcClient jdbc) {
    jdbc.sql("DELETE FROM scheduled_tasks WHERE task_instance LIKE ? OR task_instance LIKE ?")
        .params("%:" + CHAIN_A, "%:" + CHAIN_B)
        .update();
  }

  /** An issuer with a fresh key (authorised nowhere until a test authorises it). */
  public static AttestationIssuer issuer(Clock clock) {
    return new AttestationIssuer(
        Credentials.create(ECKeyPair.create(new BigInteger(1, bytes(32)).add(BigInteger.ONE))),
        RANDOM,
        clock);
  }

  /** A band-B package (score 707) from the trusted issuer to a fresh presentation address. */
  public static CredentialPackage bandPackage() {
    return issue(
        world().issuer(), TestWallets.Evm.random().address(), 707, new Statement.Band(670, 749));
  }

  public static CredentialPackage issue(
      AttestationIssuer issuer, String recipient, long score, Statement statement) {
    return issuer.issue(
        new Address(recipient),
        Opening.random(score, RANDOM),
        statement,
        MODEL_ID,
        Duration.ofDays(7));
  }

  /** Mints a package on a chain, sent by its recipient (an Anvil account with ETH). */
  public static void mint(
      AnvilNode node, RegistryClient registry, CredentialPackage pkg, Credentials recipient)
      throws Exception {
    RegistryClient asRecipient =
        RegistryClient.at(
            node.web3j(), sender(node, recipient), GAS, registry.address().toString());
    asRecipient.mint(pkg);
  }

  /** The package as a lender receives it: no opening. */
  public static String shown(CredentialPackage pkg) {
    return pkg.withoutOpening().toJson();
  }

  static RegistryClient deploy(AnvilNode node) throws Exception {
    Credentials admin = node.account(0);
    return RegistryClient.deploy(
        node.web3j(), sender(node, admin), GAS, new Address(admin.getAddress()));
  }

  static TransactionManager sender(AnvilNode node, Credentials who) {
    return new RawTransactionManager(
        node.web3j(),
        who,
        node.chainId(),
        new PollingTransactionReceiptProcessor(node.web3j(), 50, 400));
  }

  static byte[] bytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
