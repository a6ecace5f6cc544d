package io.credence.attestations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credence.attestations.contracts.BulletproofsRangeVerifier;
import io.credence.attestations.testing.AnvilExtension;
import io.credence.zk.Commitment;
import io.credence.zk.Opening;
import io.credence.zk.ProofVerificationException;
import io.credence.zk.ProofVerificationException.Reason;
import io.credence.zk.RangeProof;
import io.credence.zk.ScoreProof;
import io.credence.zk.ScoreProver;
import io.credence.zk.ScoreVerifier;
import io.credence.zk.Statement;
import io.credence.zk.Transcript;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.utils.Numeric;

/**
 * The Solidity verifier chooses a threshold proof's n exactly as the Java zk module does (third
 * edition, docs/zk-protocol.md §1): n = 8 for 595 ≤ t ≤ 850, n = 16 below; a second-edition n = 16
 * proof (four rounds) for 595 ≤ t ≤ 850 and a first-edition n = 8 proof (three rounds) for t &lt;
 * 256 still verify; any other round count is refused with ROUND_COUNT_MISMATCH by both.
 */
class ThresholdBitsIT {

  @RegisterExtension static final AnvilExtension anvil = AnvilExtension.withChainId(31337);

  static final String APP = RangeProofVectorsIT.VECTORS_APP_LABEL;
  static final byte[] CONTEXT = "threshold-bits".getBytes(StandardCharsets.US_ASCII);
  static final long SCORE = 850;

  static String verifier;

  /** Golden vector #6: threshold t = 0 proven with the first edition's n = 8 (three rounds). */
  static JsonNode legacy;

  @BeforeAll
  static void deploy() throws Exception {
    verifier =
        BulletproofsRangeVerifier.deploy(
                anvil.web3j(), TestChain.sender(anvil, anvil.account(0)), TestChain.GAS)
            .send()
            .getContractAddress();
    JsonNode all =
        new ObjectMapper()
            .readTree(Files.readString(RangeProofVectorsIT.VECTORS.resolve("range-proofs.json")));
    legacy = all.get(6);
    assertThat(legacy.get("statement").get("t").asLong()).isZero();
    assertThat(legacy.get("n").asInt()).isEqualTo(8);
    assertThat(legacy.get("valid").asBoolean()).isTrue();
  }

  static ScoreProof prove(long t, long seed) throws Exception {
    return prove(t, seed, new Statement.Threshold(t).bits());
  }

  /** A proof with the given n (16 for 595 ≤ t ≤ 850: what the second edition's prover made). */
  static ScoreProof prove(long t, long seed, int bits) throws Exception {
    SecureRandom rnd = SecureRandom.getInstance("SHA1PRNG");
    rnd.setSeed(seed);
    return new ScoreProver(rnd)
        .prove(
            Transcript.create(APP),
            new Statement.Threshold(t),
            Opening.random(SCORE, rnd),
            CONTEXT,
            bits);
  }

  @ParameterizedTest(name = "t = {0}, {1} rounds")
  @CsvSource({
    "0, 4", "100, 4", "255, 4", "256, 4", "300, 4", "594, 4", "595, 3", "650, 3", "700, 3", "850, 3"
  })
  void currentJavaProofsOfEveryThresholdVerifyOnChain(long t, int rounds) throws Exception {
    ScoreProof p = prove(t, t);
    assertThat(p.proof().rounds()).isEqualTo(rounds);
    assertThat(new Statement.Threshold(t).bits()).isEqualTo(1 << rounds);
    byte[] abi = p.proof().toAbiBytes();
    javaVerify(t, p.commitment().toUncompressed(), CONTEXT, abi);

    assertThat(call(t, p.commitment().toUncompressed(), CONTEXT, abi)).isEqualTo("ok");
  }

  /** Attestations minted before the third edition carry these: they must keep verifying. */
  @ParameterizedTest(name = "t = {0}")
  @ValueSource(longs = {595, 650, 700, 850})
  void secondEditionSixteenBitProofsOfHighThresholdsStillVerify(long t) throws Exception {
    ScoreProof p = prove(t, 10_000 + t, 16);
    assertThat(p.proof().rounds()).isEqualTo(4);
    byte[] abi = p.proof().toAbiBytes();
    javaVerify(t, p.commitment().toUncompressed(), CONTEXT, abi);

    assertThat(call(t, p.commitment().toUncompressed(), CONTEXT, abi)).isEqualTo("ok");
    // and bound to their statement under that n
    assertThat(call(t + 1, p.commitment().toUncompressed(), CONTEXT, abi))
        .isEqualTo(revert(Reason.EQUATION_FAILED));
  }

  @Test
  void aLegacyEightBitThresholdProofStillVerifies() throws Exception {
    byte[] commitment = hex(legacy, "commitment");
    byte[] context = hex(legacy, "context");
    byte[] proof = hex(legacy, "proofAbi");
    assertThat(RangeProof.fromAbiBytes(proof).rounds()).isEqualTo(3);
    javaVerify(0, commitment, context, proof);

    assertThat(call(0, commitment, context, proof)).isEqualTo("ok");
  }

  /**
   * A three-round proof for 256 ≤ t ≤ 594 is neither current (n = 16) nor legacy (the first edition
   * used n = 16 there too); from t = 595 on it has the current round count, so it reaches the
   * equation, which it fails (it proves t = 0).
   */
  @ParameterizedTest(name = "t = {0}")
  @CsvSource({
    "256, ROUND_COUNT_MISMATCH",
    "300, ROUND_COUNT_MISMATCH",
    "594, ROUND_COUNT_MISMATCH",
    "595, EQUATION_FAILED",
    "700, EQUATION_FAILED"
  })
  void aThreeRoundProofOfAThresholdFrom256OnIsRefused(long t, Reason reason) throws Exception {
    byte[] commitment = hex(legacy, "commitment");
    byte[] context = hex(legacy, "context");
    byte[] proof = hex(legacy, "proofAbi");

    assertThat(javaReason(t, commitment, context, proof)).isEqualTo(reason);
    assertThat(call(t, commitment, context, proof)).isEqualTo(revert(reason));
  }

  /** A current n = 8 proof of t = 650 claimed for a threshold below 595 (where n = 16). */
  @ParameterizedTest(name = "t = {0}")
  @ValueSource(longs = {594, 500})
  void aCurrentEightBitProofIsRefusedForAThresholdBelow595(long t) throws Exception {
    ScoreProof p = prove(650, 650);
    byte[] v = p.commitment().toUncompressed();
    byte[] abi = p.proof().toAbiBytes();

    assertThat(javaReason(t, v, CONTEXT, abi)).isEqualTo(Reason.ROUND_COUNT_MISMATCH);
    assertThat(call(t, v, CONTEXT, abi)).isEqualTo(revert(Reason.ROUND_COUNT_MISMATCH));
  }

  /** n = 16 proofs (four rounds) do not fit a t ≥ 65,536 statement (n = 32, five rounds). */
  @Test
  void aProofWithTheWrongRoundCountForItsStatementIsRefused() throws Exception {
    ScoreProof p = prove(100, 7);
    byte[] v = p.commitment().toUncompressed();
    byte[] abi = p.proof().toAbiBytes();
    for (long t : new long[] {65_536, 100_000}) {
      assertThat(javaReason(t, v, CONTEXT, abi)).isEqualTo(Reason.ROUND_COUNT_MISMATCH);
      assertThat(call(t, v, CONTEXT, abi)).isEqualTo(revert(Reason.ROUND_COUNT_MISMATCH));
    }
    // A five-round proof (golden vector #7, t = 100,000, n = 32) for a t < 65,536 statement.
    JsonNode wide =
        new ObjectMapper()
            .readTree(Files.readString(RangeProofVectorsIT.VECTORS.resolve("range-proofs.json")))
            .get(7);
    assertThat(wide.get("n").asInt()).isEqualTo(32);
    byte[] wideProof = hex(wide, "proofAbi");
    for (long t : new long[] {0, 700}) {
      assertThat(javaReason(t, hex(wide, "commitment"), hex(wide, "context"), wideProof))
          .isEqualTo(Reason.ROUND_COUNT_MISMATCH);
      assertThat(call(t, hex(wide, "commitment"), hex(wide, "context"), wideProof))
          .isEqualTo(revert(Reason.ROUND_COUNT_MISMATCH));
    }
  }

  /**
   * One batch mixing current n = 16 and n = 8 proofs with both kinds of legacy proof (n = 8 for t =
   * 0, n = 16 for t = 650).
   */
  @Test
  void aBatchMixingCurrentAndLegacyThresholdProofsVerifies() throws Exception {
    List<BulletproofsRangeVerifier.RangeClaim> claims = new ArrayList<>();
    for (long t : new long[] {0, 255, 256, 650, 850}) {
      ScoreProof p = prove(t, 1000 + t);
      claims.add(claim(t, p.commitment().toUncompressed(), CONTEXT, p.proof().toAbiBytes()));
    }
    claims.add(
        claim(0, hex(legacy, "commitment"), hex(legacy, "context"), hex(legacy, "proofAbi")));
    ScoreProof second = prove(650, 2650, 16);
    claims.add(
        claim(650, second.commitment().toUncompressed(), CONTEXT, second.proof().toAbiBytes()));
    assertThat(batch(claims)).isEqualTo("ok");

    // The same batch with one threshold raised past the score is refused as a whole.
    ScoreProof p = prove(300, 5);
    claims.set(1, claim(301, p.commitment().toUncompressed(), CONTEXT, p.proof().toAbiBytes()));
    assertThat(batch(claims)).isEqualTo(revert(Reason.EQUATION_FAILED));
  }

  // ------------------------------------------------------------------ helpers

  static void javaVerify(long t, byte[] commitment, byte[] context, byte[] abi)
      throws ProofVerificationException {
    new ScoreVerifier()
        .verify(
            Transcript.create(APP),
            new Statement.Threshold(t),
            Commitment.fromUncompressed(commitment),
            context,
            RangeProof.fromAbiBytes(abi));
  }

  static Reason javaReason(long t, byte[] commitment, byte[] context, byte[] abi) {
    try {
      javaVerify(t, commitment, context, abi);
      return null;
    } catch (ProofVerificationException e) {
      return e.reason();
    }
  }

  /** "ok", or the revert data as hex. */
  static String call(long t, byte[] commitment, byte[] context, byte[] proof) throws Exception {
    return ethCall(
        new Function(
            "verifyRange",
            List.of(
                new Bytes32(RangeProofVectorsIT.transcriptState(APP)),
                new DynamicBytes(commitment),
                new Uint8(1),
                new Uint64(BigInteger.valueOf(t)),
                new Uint64(BigInteger.ZERO),
                new DynamicBytes(context),
                new DynamicBytes(proof)),
            List.of()));
  }

  static BulletproofsRangeVerifier.RangeClaim claim(
      long t, byte[] commitment, byte[] context, byte[] proof) {
    return new BulletproofsRangeVerifier.RangeClaim(
        commitment, BigInteger.ONE, BigInteger.valueOf(t), BigInteger.ZERO, context, proof);
  }

  static String batch(List<BulletproofsRangeVerifier.RangeClaim> claims) throws Exception {
    return ethCall(
        new Function(
            "verifyBatch",
            List.of(
                new Bytes32(RangeProofVectorsIT.transcriptState(APP)),
                new DynamicArray<>(BulletproofsRangeVerifier.RangeClaim.class, claims)),
            List.of()));
  }

  static String ethCall(Function f) throws Exception {
    Transaction call =
        Transaction.createEthCallTransaction(
            anvil.account(0).getAddress(), verifier, FunctionEncoder.encode(f));
    EthCall result = anvil.web3j().ethCall(call, DefaultBlockParameterName.LATEST).send();
    // The error data arrives as a JSON string node: strip its quotes.
    return result.hasError() ? String.valueOf(result.getError().getData()).replace("\"", "") : "ok";
  }

  /** The revert data of InvalidProof(reason): the reasons share Java's order. */
  static String revert(Reason reason) {
    return "0xf7f9ec62"
        + Numeric.toHexStringNoPrefixZeroPadded(BigInteger.valueOf(reason.ordinal()), 64);
  }

  static byte[] hex(JsonNode v, String field) {
    return Numeric.hexStringToByteArray(v.get(field).asText());
  }
}
