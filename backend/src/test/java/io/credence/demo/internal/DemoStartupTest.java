package io.credence.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Explicit audit anchoring configuration wins over the demo's, as a whole where it must. */
class DemoStartupTest {

  private static final String A = "credence.audit.anchor.";

  private static final Map<String, Object> DEMO =
      Map.of(
          "credence.chains[0].id",
          31337L,
          A + "rpc-url",
          "http://127.0.0.1:8545",
          A + "chain-id",
          31337L,
          A + "contract-address",
          "0xBcd4042DE499D14e55001CcbB24a551F3b954096",
          A + "sender-key",
          "0xsender",
          A + "signing-key",
          "0xsigner",
          A + "every-entries",
          20);

  @Test
  void withNothingConfiguredTheDemoAnchors() {
    assertThat(apply(Map.of())).isEqualTo(DEMO);
  }

  @Test
  void anOperatorsAnchorChainReplacesAllOfTheDemosAnchoring() {
    Map<String, Object> result =
        apply(Map.of(A + "rpc-url", "https://rpc.example", A + "deploy-on-start", "true"));
    assertThat(result).containsOnlyKeys("credence.chains[0].id");
  }

  @Test
  void anEmptyRpcUrlSwitchesTheDemosAnchoringOff() {
    assertThat(apply(Map.of(A + "rpc-url", ""))).containsOnlyKeys("credence.chains[0].id");
  }

  @Test
  void anOperatorsKeyFileReplacesTheDemoKeyOfThatNameOnly() {
    Map<String, Object> result = apply(Map.of(A + "signing-key-file", "/run/secrets/audit-key"));
    assertThat(result).doesNotContainKey(A + "signing-key").containsKey(A + "sender-key");
    Binder environment =
        new Binder(
            ConfigurationPropertySources.from(
                new SystemEnvironmentPropertySource(
                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    Map.of("CREDENCE_AUDIT_ANCHOR_SENDER_KEY_FILE", "/run/secrets/sender"))));
    assertThat(DemoStartup.withoutOperatorAnchoring(DEMO, environment))
        .as("an environment variable counts as well")
        .doesNotContainKey(A + "sender-key")
        .containsKey(A + "signing-key");
  }

  @Test
  void otherAnchoringSettingsAreLeftToPrecedence() {
    // every-entries set by the operator: the demo's stays in its lowest-precedence source.
    assertThat(apply(Map.of(A + "every-entries", "5"))).isEqualTo(DEMO);
  }

  private static Map<String, Object> apply(Map<String, Object> operator) {
    Binder binder = new Binder(new MapConfigurationPropertySource(new LinkedHashMap<>(operator)));
    return DemoStartup.withoutOperatorAnchoring(DEMO, binder);
  }
}
