package io.credence.attestations.lender;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.attestations.AttestationIssuer;
import io.credence.attestations.CredentialPackage;
import io.credence.attestations.CreditAttestation;
import io.credence.zk.Opening;
import io.credence.zk.Statement;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;

/** The CLI offline: exit codes 0 / 1 / 2 and both output formats. */
class VerifyCommandTest {

  static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final Credentials KEY =
      Credentials.create("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");

  @TempDir static Path dir;
  static Path pkgFile;

  @BeforeAll
  static void issue() throws Exception {
    AttestationIssuer issuer = new AttestationIssuer(KEY, new SecureRandom(), CLOCK);
    CredentialPackage pkg =
        issuer.issue(
            new Address("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc"),
            Opening.random(712, new SecureRandom()),
            new Statement.Threshold(650),
            CreditAttestation.SCHEMA_V1,
            Duration.ofDays(30));
    pkgFile = dir.resolve("package.json");
    Files.writeString(pkgFile, pkg.withoutOpening().toJson());
  }

  record Run(int exit, String out, String err) {}

  static Run run(Clock clock, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        VerifyCommand.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            clock);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void validCredentialExitsZeroAndPrintsEveryCheck() {
    Run r =
        run(
            CLOCK,
            "verify",
            pkgFile.toString(),
            "--issuer",
            KEY.getAddress(),
            "--min-score",
            "600");
    assertThat(r.exit()).isEqualTo(VerifyCommand.VALID);
    for (Check c : Check.values()) {
      assertThat(r.out()).contains(c.label());
    }
    assertThat(r.out()).contains("VALID").contains("SKIPPED").doesNotContain("FAIL ");
  }

  @Test
  void jsonOutputListsEveryCheck() {
    Run r = run(CLOCK, "verify", pkgFile.toString(), "--issuer", KEY.getAddress(), "--json");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("\"valid\":true").contains("\"check\":\"range-proof\"");
  }

  @Test
  void policyFailuresExitOne() {
    assertThat(
            run(
                    CLOCK,
                    "verify",
                    pkgFile.toString(),
                    "--issuer",
                    KEY.getAddress(),
                    "--min-score",
                    "700")
                .exit())
        .isEqualTo(VerifyCommand.INVALID);
    assertThat(
            run(
                    CLOCK,
                    "verify",
                    pkgFile.toString(),
                    "--issuer",
                    "0x0000000000000000000000000000000000000001")
                .exit())
        .isEqualTo(VerifyCommand.INVALID);
    assertThat(run(CLOCK, "verify", pkgFile.toString()).exit()).isEqualTo(VerifyCommand.INVALID);
    Clock later = Clock.offset(CLOCK, Duration.ofDays(31));
    Run expired = run(later, "verify", pkgFile.toString(), "--issuer", KEY.getAddress());
    assertThat(expired.exit()).isEqualTo(VerifyCommand.INVALID);
    assertThat(expired.out()).contains("FAIL    not-expired");
  }

  @Test
  void unusableInputExitsTwo() throws Exception {
    Path garbage = dir.resolve("garbage.json");
    Files.writeString(garbage, "{\"version\": 1, \"attestation\": {}}");
    assertThat(run(CLOCK, "verify", garbage.toString()).exit()).isEqualTo(VerifyCommand.UNUSABLE);
    assertThat(run(CLOCK, "verify", dir.resolve("missing.json").toString()).exit())
        .isEqualTo(VerifyCommand.UNUSABLE);
    assertThat(run(CLOCK, "verify").exit()).isEqualTo(VerifyCommand.UNUSABLE);
    assertThat(run(CLOCK, "verify", pkgFile.toString(), "--rpc", "http://127.0.0.1:1").exit())
        .isEqualTo(VerifyCommand.UNUSABLE);
    assertThat(run(CLOCK, "verify", pkgFile.toString(), "--min-score").exit())
        .isEqualTo(VerifyCommand.UNUSABLE);
  }
}
