package io.credence.attestations;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.attestations.RegistryClient.BatchItem;
import io.credence.attestations.RegistryClient.MintRequest;
import io.credence.attestations.RegistryException.Reason;
import io.credence.attestations.contracts.BulletproofsRangeVerifier;
import io.credence.attestations.testing.AnvilExtension;
import io.credence.zk.Opening;
import io.credence.zk.Statement;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.methods.request.Transaction;

/**
 * mintBatch: one aggregated proof check for many attestations, per-item outcomes (one bad item does
 * not sink the batch, and no check can be bypassed item by item), and the gas per attestation.
 */
class BatchMintIT {

  @RegisterExtension static final AnvilExtension anvil = AnvilExtension.withChainId(31337);

  static final SecureRandom RANDOM = new SecureRandom();
  static final io.credence.attestations.Bytes32 MODEL =
      io.credence.attestations.Bytes32.of(org.web3j.crypto.Hash.sha3("model-v1".getBytes()));

  static AttestationIssuer issuer;
  static RegistryClient registry;
  static RegistryClient relayer;

  @BeforeAll
  static void deploy() throws Exception {
    Credentials admin = anvil.account(0);
    issuer = new AttestationIssuer(anvil.account(1), RANDOM, Clock.systemUTC());
    registry =
        RegistryClient.deploy(
            anvil.web3j(),
            TestChain.sender(anvil, admin),
            TestChain.GAS,
            new org.web3j.abi.datatypes.Address(admin.getAddress()));
    registry.authorizeIssuer(issuer.address());
    relayer =
        RegistryClient.at(
            anvil.web3j(),
            TestChain.sender(anvil, anvil.account(3)),
            TestChain.GAS,
            registry.address().toString());
  }

  /** A fresh borrower (never funded: the relayer pays) and its consent for this registry. */
  static MintRequest request(IntFunction<Statement> statement, int i) throws Exception {
    Credentials borrower = Credentials.create(Keys.createEcKeyPair());
    CredentialPackage pkg =
        issuer.issue(
            new org.web3j.abi.datatypes.Address(borrower.getAddress()),
            Opening.random(700 + (i % 100), RANDOM),
            statement.apply(i),
            MODEL);
    BORROWERS.put(pkg.attestation().recipient(), borrower);
    return new MintRequest(pkg, consent(pkg));
  }

  static final java.util.Map<org.web3j.abi.datatypes.Address, Credentials> BORROWERS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The recipient's consent to {@code pkg} being minted on this registry by someone else. */
  static byte[] consent(CredentialPackage pkg) {
    return Eip712.sign(
        Eip712.consentDigest(pkg.uid(), anvil.chainId(), registry.address()),
        BORROWERS.get(pkg.attestation().recipient()).getEcKeyPair());
  }

  static List<MintRequest> requests(int count, IntFunction<Statement> statement) throws Exception {
    List<MintRequest> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(request(statement, i));
    }
    return out;
  }

  /** t = 600 + i: n = 8 since the zk protocol's third edition (595 ≤ t ≤ 850). */
  static final IntFunction<Statement> THRESHOLD = i -> new Statement.Threshold(600 + i);

  /** t = 500 + i: n = 16 (below 595), for comparison. */
  static final IntFunction<Statement> THRESHOLD_N16 = i -> new Statement.Threshold(500 + i);

  static final IntFunction<Statement> BAND = i -> new Statement.Band(550 + i, 850);

  @Test
  void aBatchMintsEveryGoodItemAndNamesTheCheckEachBadItemFailed() throws Exception {
    MintRequest good = request(THRESHOLD, 0);
    MintRequest alsoGood = request(BAND, 1);

    // A consent signed by someone other than the recipient.
    MintRequest base = request(THRESHOLD, 2);
    MintRequest foreignConsent =
        new MintRequest(
            base.pkg(),
            Eip712.sign(
                Eip712.consentDigest(base.pkg().uid(), anvil.chainId(), registry.address()),
                Credentials.create(Keys.createEcKeyPair()).getEcKeyPair()));
    // The recipient's consent is missing: the relayer cannot mint it by slipping it into a batch.
    MintRequest noConsent = MintRequest.bySender(request(THRESHOLD, 3).pkg());
    // Another item's proof, re-signed with a matching hash: bound to another recipient.
    MintRequest victim = request(THRESHOLD, 4);
    MintRequest thief = request(THRESHOLD, 5);
    CreditAttestation stolen =
        thief.pkg().attestation().withProofHash(victim.pkg().attestation().proofHash());
    CredentialPackage stolenPkg =
        new CredentialPackage(stolen, issuer.sign(stolen), victim.pkg().proof(), Optional.empty());
    MintRequest borrowedProof = new MintRequest(stolenPkg, consent(stolenPkg));

    var receipt =
        relayer.mintBatch(List.of(good, foreignConsent, noConsent, good, borrowedProof, alsoGood));
    List<BatchItem> items = receipt.items();
    assertThat(items)
        .extracting(BatchItem::minted)
        .containsExactly(true, false, false, false, false, true);
    assertThat(items.get(1).failure().orElseThrow().reason()).isEqualTo(Reason.INVALID_CONSENT);
    assertThat(items.get(2).failure().orElseThrow().reason()).isEqualTo(Reason.CONSENT_REQUIRED);
    assertThat(items.get(3).failure().orElseThrow().reason()).isEqualTo(Reason.ALREADY_MINTED);
    assertThat(items.get(4).failure().orElseThrow().reason()).isEqualTo(Reason.INVALID_PROOF);
    assertThat(registry.isValid(good.pkg().uid())).isTrue();
    assertThat(registry.isValid(alsoGood.pkg().uid())).isTrue();
    assertThat(registry.getAttestation(base.pkg().uid())).isEmpty();
    assertThat(registry.getAttestation(stolenPkg.uid())).isEmpty();
  }

  @Test
  void aBadProofIsFoundAndSkippedWhileTheRestOfTheBatchMints() throws Exception {
    List<MintRequest> batch = new ArrayList<>(requests(3, THRESHOLD));
    MintRequest base = batch.get(1);
    byte[] proof = base.pkg().proof();
    proof[32 + 8 * 32 + 31] ^= 0x01; // t_x: canonical scalar, wrong equation
    CreditAttestation a = base.pkg().attestation().withProofHash(Eip712.proofHash(proof));
    CredentialPackage bad = new CredentialPackage(a, issuer.sign(a), proof, Optional.empty());
    batch.set(1, new MintRequest(bad, consent(bad)));

    List<BatchItem> items = relayer.mintBatch(batch).items();
    assertThat(items).extracting(BatchItem::minted).containsExactly(true, false, true);
    RegistryException why = items.get(1).failure().orElseThrow();
    assertThat(why.reason()).isEqualTo(Reason.INVALID_PROOF);
    assertThat(why.getMessage()).contains("EQUATION_FAILED");
  }

  @Test
  void gasPerAttestationForBatchesOf1To32() throws Exception {
    for (int size : new int[] {1, 4, 16, 32}) {
      List<MintRequest> batch = requests(size, THRESHOLD);
      verifyBatchGas("threshold", batch);
      var receipt = relayer.mintBatch(batch);
      assertThat(receipt.items()).allMatch(BatchItem::minted);
      record("mintBatch " + size + " threshold n=8", receipt.receipt().getGasUsed(), size);
      if (size == 16) {
        keepInput(receipt.receipt().getTransactionHash(), "mintBatch-16-threshold.hex");
      }
    }
    // Renewals: new attestations for 16 holders who already hold one here (their current-pointer
    // and balance slots exist, so the registry writes 2 new slots per attestation instead of 4).
    List<MintRequest> holders = requests(16, THRESHOLD);
    relayer.mintBatch(holders);
    List<MintRequest> renewals = new ArrayList<>();
    for (MintRequest r : holders) {
      CredentialPackage pkg =
          issuer.issue(
              r.pkg().attestation().recipient(),
              Opening.random(720, RANDOM),
              new Statement.Threshold(650),
              MODEL);
      renewals.add(new MintRequest(pkg, consent(pkg)));
    }
    var renewed = relayer.mintBatch(renewals);
    assertThat(renewed.items()).allMatch(BatchItem::minted);
    record("mintBatch 16 threshold n=8 renewals", renewed.receipt().getGasUsed(), 16);

    List<MintRequest> bands = requests(16, BAND);
    verifyBatchGas("band", bands);
    var receipt = relayer.mintBatch(bands);
    assertThat(receipt.items()).allMatch(BatchItem::minted);
    record("mintBatch 16 band", receipt.receipt().getGasUsed(), 16);

    // For comparison: 16 thresholds below 595 (t = 500…515) keep n = 16.
    List<MintRequest> wide = requests(16, THRESHOLD_N16);
    verifyBatchGas("threshold-n16", wide);
    var wideReceipt = relayer.mintBatch(wide);
    assertThat(wideReceipt.items()).allMatch(BatchItem::minted);
    record("mintBatch 16 threshold n=16", wideReceipt.receipt().getGasUsed(), 16);
  }

  private static void verifyBatchGas(String kind, List<MintRequest> batch) throws Exception {
    List<BulletproofsRangeVerifier.RangeClaim> claims = new ArrayList<>();
    for (MintRequest r : batch) {
      CreditAttestation a = r.pkg().attestation();
      claims.add(
          new BulletproofsRangeVerifier.RangeClaim(
              a.commitment().toUncompressed(),
              BigInteger.valueOf(a.statementKind()),
              BigInteger.valueOf(a.lo()),
              BigInteger.valueOf(a.hi()),
              Eip712.proofContext(a),
              r.pkg().proof()));
    }
    String data =
        FunctionEncoder.encode(
            new Function(
                "verifyBatch",
                List.of(
                    new Bytes32(RangeProofVectorsIT.transcriptState(Eip712.TRANSCRIPT_LABEL)),
                    new DynamicArray<>(BulletproofsRangeVerifier.RangeClaim.class, claims)),
                List.of()));
    // Kept for offline profiling (debug_traceCall): target/verifyBatch-<size>-<kind>.hex
    java.nio.file.Files.writeString(
        java.nio.file.Path.of("target", "verifyBatch-" + batch.size() + "-" + kind + ".hex"), data);
    Transaction call =
        Transaction.createEthCallTransaction(
            anvil.account(0).getAddress(), registry.verifier().toString(), data);
    var result =
        anvil
            .web3j()
            .ethCall(call, org.web3j.protocol.core.DefaultBlockParameterName.LATEST)
            .send();
    assertThat(result.hasError()).as("verifyBatch accepts %d valid proofs", batch.size()).isFalse();
    BigInteger gas = anvil.web3j().ethEstimateGas(call).send().getAmountUsed();
    record("verifyBatch " + batch.size() + " " + kind, gas, batch.size());
  }

  /**
   * Kept for offline profiling: the input of a sent transaction, replayed by {@code
   * scripts/profile-mint.mjs} on a fresh Anvil where the same deployments land at the same
   * addresses.
   */
  private static void keepInput(String txHash, String file) throws Exception {
    var tx = anvil.web3j().ethGetTransactionByHash(txHash).send().getTransaction();
    String input = tx.orElseThrow().getInput();
    java.nio.file.Files.writeString(java.nio.file.Path.of("target", file), input);
  }

  private static void record(String label, BigInteger gas, int size) {
    GasReport.record(
        label + " (per attestation " + gas.divide(BigInteger.valueOf(size)) + ")", gas);
  }
}
