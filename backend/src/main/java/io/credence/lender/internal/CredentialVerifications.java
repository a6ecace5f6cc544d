package io.credence.lender.internal;

import io.credence.attestation.Attestations;
import io.credence.attestations.CredentialFormatException;
import io.credence.attestations.CredentialPackage;
import io.credence.attestations.CreditAttestation;
import io.credence.attestations.lender.CheckResult;
import io.credence.attestations.lender.CredentialVerifier;
import io.credence.attestations.lender.VerificationPolicy;
import io.credence.attestations.lender.VerificationReport;
import io.credence.history.ChainRegistries;
import io.credence.history.ChainRegistries.ChainRegistry;
import io.credence.lender.LenderEvents.CredentialVerified;
import io.credence.lender.internal.VerificationResult.AppliedPolicy;
import io.credence.lender.internal.VerificationResult.CheckView;
import io.credence.lender.internal.VerificationResult.PublicAttestation;
import io.credence.lender.internal.VerificationResult.StatementView;
import io.credence.scoring.scorecard.Band;
import io.credence.scoring.scorecard.BandScheme;
import io.credence.zk.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.web3j.abi.datatypes.Address;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies credential packages for lenders with the attestations SDK ({@link CredentialVerifier})
 * against the chains this server is configured with, adds the policy checks the SDK does not have
 * (minimum band, maximum age), and records every verification: an audit entry always, and the
 * result in the signed-in lender's history.
 *
 * <p>The request can only name configured chains, never an RPC URL or a registry address, so the
 * server cannot be made to call arbitrary hosts.
 */
@Service
public class CredentialVerifications {

  /** The bands lenders act on (docs/model-card.md). */
  static final BandScheme BANDS = BandScheme.DEFAULT;

  private static final Pattern SAFE_REASON =
      Pattern.compile(
          "missing field [A-Za-z.]+|[A-Za-z.]+ must be [A-Za-z0-9 |,.-]+"
              + "|uid does not match the attestation|a credential package is a JSON object"
              + "|the opening does not open the commitment");

  private final ChainRegistries registries;
  private final Attestations attestations;
  private final LenderProperties properties;
  private final CredentialVerifier verifier;
  private final Clock clock;
  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transaction;

  CredentialVerifications(
      ChainRegistries registries,
      Attestations attestations,
      LenderProperties properties,
      Clock clock,
      JdbcClient jdbc,
      JsonMapper json,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactions) {
    this.registries = registries;
    this.attestations = attestations;
    this.properties = properties;
    this.verifier = new CredentialVerifier(clock);
    this.clock = clock;
    this.jdbc = jdbc;
    this.json = json;
    this.events = events;
    this.transaction = new TransactionTemplate(transactions);
  }

  /**
   * Verifies a package against a policy and records it.
   *
   * @param packageNode the package as sent: a JSON object, or a string holding one
   * @param lender the signed-in lender's wallet address, if any (their history keeps the result)
   * @throws LenderProblem for a malformed package, a package with its opening, an unknown chain or
   *     band; nothing is recorded then
   */
  public VerificationResult verify(
      JsonNode packageNode, VerificationPolicyRequest request, Optional<String> lender) {
    VerificationPolicyRequest asked = request == null ? VerificationPolicyRequest.none() : request;
    Optional<Band> minBand = band(asked.minBand());
    Optional<ChainRegistry> chain =
        asked.chainId() == null
            ? Optional.empty()
            : Optional.of(registries.on(asked.chainId()).orElseThrow(LenderProblem::unknownChain));
    CredentialPackage pkg = parse(packageNode);

    List<String> issuers;
    String issuerSource;
    Optional<String> ownIssuer = attestations.issuerAddress();
    if (asked.issuers() != null && !asked.issuers().isEmpty()) {
      issuers = asked.issuers();
      issuerSource = "policy";
    } else if (!properties.trustedIssuers().isEmpty()) {
      issuers = properties.trustedIssuers();
      issuerSource = "server";
    } else if (ownIssuer.isPresent()) {
      issuers = List.of(ownIssuer.get());
      issuerSource = "this-server";
    } else {
      issuers = List.of();
      issuerSource = chain.isPresent() ? "registry" : "none";
    }
    VerificationPolicy policy =
        new VerificationPolicy(
            issuers.stream().map(Address::new).collect(Collectors.toSet()),
            asked.minScore() == null ? OptionalInt.empty() : OptionalInt.of(asked.minScore()),
            chain.map(
                c ->
                    new VerificationPolicy.OnChainStatus(
                        c.rpcUrl(), new Address(c.registryAddress()))),
            List.of());
    List<ChainRegistry> revocationChains =
        registries.all().stream()
            .filter(r -> chain.isEmpty() || r.chainId() != chain.get().chainId())
            .toList();
    for (ChainRegistry r : revocationChains) {
      policy = policy.withRevocationSource(r.rpcUrl(), new Address(r.registryAddress()));
    }

    VerificationReport report;
    try {
      report = verifier.verify(pkg, policy);
    } catch (RuntimeException e) {
      // The parser validated the structure; bytes the SDK still cannot decode are malformed input.
      throw LenderProblem.malformedPackage("the signature or proof bytes cannot be decoded");
    }
    CreditAttestation a = pkg.attestation();
    List<CheckView> checks = new ArrayList<>();
    report.checks().forEach(c -> checks.add(view(c)));
    checks.add(minBandCheck(a, minBand));
    checks.add(maxAgeCheck(a, asked.maxAgeDays()));
    boolean valid = checks.stream().noneMatch(c -> c.outcome().equals("FAIL"));

    VerificationResult result =
        new VerificationResult(
            UUID.randomUUID(),
            clock.instant(),
            pkg.uid().hex(),
            valid,
            publicFields(a),
            new AppliedPolicy(
                asked.minScore(),
                minBand.map(Band::name).orElse(null),
                asked.maxAgeDays(),
                issuers,
                issuerSource,
                asked.chainId(),
                revocationChains.stream().map(ChainRegistry::chainId).toList()),
            checks);
    record(result, lender);
    return result;
  }

  /** The lender's verifications, newest first. */
  public List<VerificationResult> history(String lender, int page, int size) {
    return jdbc.sql(
            "SELECT report FROM lender_verification WHERE lender_address = ?"
                + " ORDER BY verified_at DESC, id LIMIT ? OFFSET ?")
        .params(lender.toLowerCase(Locale.ROOT), size, (long) page * size)
        .query((rs, n) -> json.readValue(rs.getString(1), VerificationResult.class))
        .list();
  }

  /** How many verifications the lender has made. */
  public long historySize(String lender) {
    return jdbc.sql("SELECT count(*) FROM lender_verification WHERE lender_address = ?")
        .param(lender.toLowerCase(Locale.ROOT))
        .query(Long.class)
        .single();
  }

  private void record(VerificationResult result, Optional<String> lender) {
    transaction.executeWithoutResult(
        status -> {
          lender.ifPresent(
              address ->
                  jdbc.sql(
                          "INSERT INTO lender_verification (id, lender_address, verified_at,"
                              + " attestation_uid, valid, report) VALUES (?, ?, ?, ?, ?,"
                              + " CAST(? AS jsonb))")
                      .params(
                          result.verificationId(),
                          address.toLowerCase(Locale.ROOT),
                          OffsetDateTime.ofInstant(result.verifiedAt(), ZoneOffset.UTC),
                          result.uid(),
                          result.valid(),
                          json.writeValueAsString(result))
                      .update());
          events.publishEvent(
              new CredentialVerified(
                  result.verificationId(),
                  result.uid(),
                  result.valid(),
                  result.checks().stream()
                      .filter(c -> c.outcome().equals("FAIL"))
                      .map(CheckView::check)
                      .toList(),
                  result.policy().chainId(),
                  lender.orElse(null)));
        });
  }

  private static Optional<Band> band(String name) {
    if (name == null) {
      return Optional.empty();
    }
    return Optional.of(
        BANDS.bands().stream()
            .filter(b -> b.name().equalsIgnoreCase(name))
            .findFirst()
            .orElseThrow(LenderProblem::unknownBand));
  }

  private CredentialPackage parse(JsonNode node) {
    JsonNode document = node;
    if (node != null && node.isString()) {
      try {
        document = json.readTree(node.asString());
      } catch (RuntimeException e) {
        throw LenderProblem.malformedPackage("not JSON");
      }
    }
    if (document == null || !document.isObject()) {
      throw LenderProblem.malformedPackage("a credential package is a JSON object");
    }
    if (document.has("opening")) {
      throw LenderProblem.containsOpening();
    }
    try {
      return CredentialPackage.fromJson(document.toString());
    } catch (CredentialFormatException e) {
      throw LenderProblem.malformedPackage(safeReason(e.getMessage()));
    }
  }

  /** The parser's reason when it names no input, else a fixed one (problems never echo input). */
  static String safeReason(String message) {
    if (message == null) {
      return "a field is malformed";
    }
    if (SAFE_REASON.matcher(message).matches()) {
      return message;
    }
    if (message.startsWith("unsupported version")) {
      return "unsupported version (this server reads version 1)";
    }
    if (message.startsWith("invalid commitment")) {
      return "the commitment is not a valid curve point";
    }
    if (message.startsWith("not JSON")) {
      return "not JSON";
    }
    return "a field is malformed";
  }

  private static CheckView view(CheckResult c) {
    String group =
        switch (c.check()) {
          case ISSUER_SIGNATURE -> "signature";
          case ISSUER_ALLOWED -> "issuer";
          case NOT_EXPIRED -> "expiry";
          case PROOF_HASH, RANGE_PROOF -> "proof";
          case ON_CHAIN_STATUS -> "on-chain";
          case MIN_SCORE -> "policy";
        };
    return new CheckView(group, c.check().label(), c.outcome().name(), c.detail());
  }

  private static CheckView minBandCheck(CreditAttestation a, Optional<Band> band) {
    if (band.isEmpty()) {
      return new CheckView("policy", "min-band", "SKIPPED", "no minimum band requested");
    }
    Band b = band.get();
    return a.lo() >= b.minScore()
        ? new CheckView(
            "policy",
            "min-band",
            "PASS",
            "proves score ≥ " + a.lo() + ", within band " + b.name() + " or better")
        : new CheckView(
            "policy",
            "min-band",
            "FAIL",
            "proves only score ≥ " + a.lo() + "; band " + b.name() + " starts at " + b.minScore());
  }

  private CheckView maxAgeCheck(CreditAttestation a, Integer maxAgeDays) {
    if (maxAgeDays == null) {
      return new CheckView("policy", "max-age", "SKIPPED", "no maximum age requested");
    }
    Instant oldest = clock.instant().minus(Duration.ofDays(maxAgeDays));
    return a.issuedAt().isBefore(oldest)
        ? new CheckView(
            "policy",
            "max-age",
            "FAIL",
            "issued " + a.issuedAt() + ", more than " + maxAgeDays + " days ago")
        : new CheckView(
            "policy",
            "max-age",
            "PASS",
            "issued " + a.issuedAt() + ", within " + maxAgeDays + " days");
  }

  static PublicAttestation publicFields(CreditAttestation a) {
    return new PublicAttestation(
        a.issuer().toString(),
        statement(a.statement()),
        a.modelId().hex(),
        a.issuedAt(),
        a.expiresAt());
  }

  static StatementView statement(Statement s) {
    if (s instanceof Statement.Threshold t) {
      return new StatementView("threshold", (int) t.t(), null, null, null);
    }
    Statement.Band b = (Statement.Band) s;
    String name =
        BANDS.bands().stream()
            .filter(x -> x.minScore() == b.lo() && x.maxScore() == b.hi())
            .map(Band::name)
            .findFirst()
            .orElse(null);
    return new StatementView("band", null, (int) b.lo(), (int) b.hi(), name);
  }
}
