package io.credence.attestations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.credence.zk.ProofVerificationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every custom error in the compiled ABIs of the contracts the Java client talks to has a Java
 * mapping, and the Solidity verifier's reason enum agrees with zk's and with the decoder's.
 */
class ContractErrorsTest {

  static final Path CONTRACTS = Path.of("target", "contracts");

  @ParameterizedTest
  @ValueSource(strings = {"CredenceRegistry", "BulletproofsRangeVerifier"})
  void everyCustomErrorInTheAbiHasAJavaMapping(String contract) throws Exception {
    JsonNode abi =
        new ObjectMapper().readTree(Files.readString(CONTRACTS.resolve(contract + ".abi")));
    List<String> errors = new ArrayList<>();
    for (JsonNode entry : abi) {
      if (entry.get("type").asText().equals("error")) {
        List<String> types = new ArrayList<>();
        entry.get("inputs").forEach(i -> types.add(i.get("type").asText()));
        errors.add(entry.get("name").asText() + "(" + String.join(",", types) + ")");
      }
    }
    assertThat(errors).isNotEmpty();
    for (String signature : errors) {
      RevertDecoder.Known known = RevertDecoder.BY_SELECTOR.get(RevertDecoder.selector(signature));
      assertThat(known).as("Java mapping of %s", signature).isNotNull();
      assertThat(known.signature()).isEqualTo(signature);
      assertThat(known.reason())
          .isNotIn(RegistryException.Reason.OTHER_REVERT, RegistryException.Reason.TRANSPORT);
    }
  }

  @Test
  void theSolidityVerifierReasonEnumMatchesZkAndTheDecoder() throws Exception {
    String source = Files.readString(Path.of("contracts", "BulletproofsRangeVerifier.sol"));
    Matcher m = Pattern.compile("enum Reason \\{([^}]*)}").matcher(source);
    assertThat(m.find()).isTrue();
    List<String> solidity =
        Arrays.stream(m.group(1).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    List<String> zk =
        Arrays.stream(ProofVerificationException.Reason.values()).map(Enum::name).toList();
    assertThat(solidity).isEqualTo(zk);
    assertThat(Arrays.asList(RevertDecoder.VERIFIER_REASONS)).isEqualTo(zk);
  }

  @Test
  void everyJavaMappingStillExistsInAnAbi() throws Exception {
    StringBuilder all = new StringBuilder();
    for (String c : List.of("CredenceRegistry", "BulletproofsRangeVerifier")) {
      JsonNode abi = new ObjectMapper().readTree(Files.readString(CONTRACTS.resolve(c + ".abi")));
      for (JsonNode entry : abi) {
        if (entry.get("type").asText().equals("error")) {
          all.append(entry.get("name").asText()).append(' ');
        }
      }
    }
    for (RevertDecoder.Known k : RevertDecoder.BY_SELECTOR.values()) {
      assertThat(all.toString()).contains(k.signature().replaceAll("\\(.*", "") + " ");
    }
  }
}
