package io.credence.attestations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credence.attestations.contracts.BulletproofsRangeVerifier;
import io.credence.attestations.testing.AnvilExtension;
import io.credence.zk.Commitment;
import io.credence.zk.ProofVerificationException;
import io.credence.zk.ProofVerificationException.Reason;
import io.credence.zk.RangeProof;
import io.credence.zk.ScoreVerifier;
import io.credence.zk.Statement;
import io.credence.zk.Transcript;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.abi.FunctionEncoder;
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
 * The Solidity verifier and the Java verifier agree on every golden vector of the zk module (valid
 * and invalid, every edition's file), on the exact ABI bytes that go on-chain, and on the reason
 * where a vector states one.
 */
class RangeProofVectorsIT {

  /** The application label zk's GoldenVectors uses (not stored in the vectors file). */
  static final String VECTORS_APP_LABEL = "credence/test-vectors/v1";

  static final Path VECTORS = Path.of("..", "zk", "src", "test", "resources", "vectors");

  @RegisterExtension static final AnvilExtension anvil = AnvilExtension.withChainId(31337);

  static String verifier;

  @BeforeAll
  static void deploy() throws Exception {
    verifier =
        BulletproofsRangeVerifier.deploy(
                anvil.web3j(), TestChain.sender(anvil, anvil.account(0)), TestChain.GAS)
            .send()
            .getContractAddress();
  }

  /** Every vector file of zk (docs/zk-protocol.md §9): one per protocol edition that added some. */
  static final List<String> FILES = List.of("range-proofs.json", "range-proofs-edition3.json");

  static Stream<Arguments> vectors() throws Exception {
    List<Arguments> out = new ArrayList<>();
    for (String file : FILES) {
      JsonNode all = new ObjectMapper().readTree(Files.readString(VECTORS.resolve(file)));
      for (int i = 0; i < all.size(); i++) {
        JsonNode v = all.get(i);
        out.add(
            Arguments.of(
                Named.of(
                    file
                        + " #"
                        + i
                        + " "
                        + v.get("statement")
                        + " n="
                        + v.get("n")
                        + " valid="
                        + v.get("valid"),
                    v)));
      }
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void javaAndSolidityAgree(JsonNode v) throws Exception {
    boolean expected = v.get("valid").asBoolean();
    JsonNode st = v.get("statement");
    boolean threshold = st.get("type").asText().equals("threshold");
    long lo = threshold ? st.get("t").asLong() : st.get("lo").asLong();
    long hi = threshold ? 0 : st.get("hi").asLong();
    Statement statement = threshold ? new Statement.Threshold(lo) : new Statement.Band(lo, hi);
    byte[] commitment = Numeric.hexStringToByteArray(v.get("commitment").asText());
    byte[] context = Numeric.hexStringToByteArray(v.get("context").asText());
    byte[] proof = Numeric.hexStringToByteArray(v.get("proofAbi").asText());

    boolean javaAccepts;
    String javaReason = null;
    try {
      new ScoreVerifier()
          .verify(
              Transcript.create(VECTORS_APP_LABEL),
              statement,
              Commitment.fromUncompressed(commitment),
              context,
              RangeProof.fromAbiBytes(proof));
      javaAccepts = true;
    } catch (ProofVerificationException e) {
      javaAccepts = false;
      javaReason = e.reason().name();
    }

    String data =
        FunctionEncoder.encode(
            new Function(
                "verifyRange",
                List.of(
                    new Bytes32(transcriptState(VECTORS_APP_LABEL)),
                    new DynamicBytes(commitment),
                    new Uint8(threshold ? 1 : 2),
                    new Uint64(BigInteger.valueOf(lo)),
                    new Uint64(BigInteger.valueOf(hi)),
                    new DynamicBytes(context),
                    new DynamicBytes(proof)),
                List.of()));
    Transaction call =
        Transaction.createEthCallTransaction(anvil.account(0).getAddress(), verifier, data);
    EthCall result = anvil.web3j().ethCall(call, DefaultBlockParameterName.LATEST).send();
    boolean solidityAccepts = !result.hasError();

    if (solidityAccepts) {
      BigInteger gas = anvil.web3j().ethEstimateGas(call).send().getAmountUsed();
      GasReport.record(
          "verifyRange " + statement + " (n=" + v.get("n") + ", m=" + v.get("m") + ")", gas);
    }
    assertThat(javaAccepts).as("Java verdict").isEqualTo(expected);
    assertThat(solidityAccepts)
        .as("Solidity verdict (%s)", result.hasError() ? result.getError().getData() : "ok")
        .isEqualTo(expected);
    if (v.has("reason")) {
      // The stated reason, from both verifiers (the Solidity enum shares Java's order).
      Reason reason = Reason.valueOf(v.get("reason").asText());
      assertThat(javaReason).as("Java reason").isEqualTo(reason.name());
      assertThat(String.valueOf(result.getError().getData()).replace("\"", ""))
          .as("Solidity reason")
          .isEqualTo(ThresholdBitsIT.revert(reason));
    }
  }

  /** keccak256("credence/transcript/v1" ‖ u32(len) ‖ label): a fresh zk Transcript's state. */
  static byte[] transcriptState(String label) {
    byte[] tag = "credence/transcript/v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] app = label.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] all = new byte[tag.length + 4 + app.length];
    System.arraycopy(tag, 0, all, 0, tag.length);
    all[tag.length + 3] = (byte) app.length;
    System.arraycopy(app, 0, all, tag.length + 4, app.length);
    return org.web3j.crypto.Hash.sha3(all);
  }
}
