package io.credence.attestation.internal;

import io.credence.attestation.AttestationEvents;
import io.credence.attestation.AttestationException;
import io.credence.attestation.AttestationException.Reason;
import io.credence.attestation.AttestationRequest;
import io.credence.attestation.AttestationUid;
import io.credence.attestation.IssuedAttestation;
import io.credence.attestation.Reverification;
import io.credence.attestation.StoredAttestation;
import io.credence.attestation.StoredAttestation.RevocationReason;
import io.credence.attestations.AttestationIssuer;
import io.credence.attestations.Bytes32;
import io.credence.attestations.CredentialPackage;
import io.credence.attestations.CreditAttestation;
import io.credence.attestations.Eip712;
import io.credence.attestations.SignedRevocation;
import io.credence.attestations.lender.CredentialVerifier;
import io.credence.attestations.lender.VerificationPolicy;
import io.credence.attestations.lender.VerificationReport;
import io.credence.borrower.ProfileId;
import io.credence.proof.ScoreProofs;
import io.credence.scoring.ScoreRun;
import io.credence.scoring.Scores;
import io.credence.scoring.ScoringModels;
import io.credence.scoring.scorecard.Scorecard;
import io.credence.zk.Opening;
import io.credence.zk.Statement;
import io.credence.zk.StatementNotSatisfiedException;
import java.security.SecureRandom;
import java.security.SignatureException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;

/**
 * Issues, stores and revokes attestations. The chain is never called here: mints and revocations
 * are rows for the outbox, written in the same transaction as the change and its audit entries.
 */
@Service
public class Issuance {

  static final int MAX_VALID_DAYS = 30;
  private static final String ZERO_ADDRESS = "0x" + "0".repeat(40);

  private final Scores scores;
  private final ScoringModels models;
  private final ScoreProofs proofs;
  private final AttestationStore store;
  private final AttestationChains chains;
  private final Optional<AttestationIssuer> issuer;
  private final OpeningKeys openingKeys;
  private final TransactionTemplate tx;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final OutboxTrigger outbox;

  Issuance(
      Scores scores,
      ScoringModels models,
      ScoreProofs proofs,
      AttestationStore store,
      AttestationChains chains,
      KeyProperties.Issuer issuerKey,
      AttestationProperties properties,
      SecureRandom random,
      TransactionTemplate tx,
      ApplicationEventPublisher events,
      Clock clock,
      OutboxTrigger outbox) {
    this.scores = scores;
    this.models = models;
    this.proofs = proofs;
    this.store = store;
    this.chains = chains;
    this.issuer =
        issuerKey.key() == null || issuerKey.key().isBlank()
            ? Optional.empty()
            : Optional.of(
                new AttestationIssuer(Credentials.create(issuerKey.key()), random, clock));
    this.openingKeys = new OpeningKeys(properties, random);
    this.tx = tx;
    this.events = events;
    this.clock = clock;
    this.outbox = outbox;
  }

  public Optional<String> issuerAddress() {
    return issuer.map(i -> i.address().toString());
  }

  public IssuedAttestation request(ProfileId profile, AttestationRequest request) {
    AttestationIssuer signer =
        issuer.orElseThrow(
            () -> new AttestationException(Reason.ISSUER_UNAVAILABLE, "no issuer key configured"));
    OpeningVault sealer = openingKeys.vault();
    Address recipient = recipient(request.recipient());
    List<AttestationChains.Chain> targets = targets(request.chainIds());
    if (request.validForDays() < 1 || request.validForDays() > MAX_VALID_DAYS) {
      throw new AttestationException(
          Reason.INVALID_REQUEST, "validForDays must be between 1 and " + MAX_VALID_DAYS);
    }
    if (request.statement() == null) {
      throw new AttestationException(Reason.INVALID_REQUEST, "statement is required");
    }
    if (request.statement() instanceof AttestationRequest.Threshold t
        && (t.min() < 300 || t.min() > 850)) {
      throw new AttestationException(
          Reason.INVALID_REQUEST, "a threshold's min must be between 300 and 850");
    }

    ScoreRun run = scores.score(profile);
    if (!(run instanceof ScoreRun.Scored scored)) {
      throw new AttestationException(
          Reason.INSUFFICIENT_HISTORY, String.join("; ", ((ScoreRun.Insufficient) run).missing()));
    }
    Scorecard scorecard =
        models
            .scorecard(scored.modelId())
            .orElseThrow(() -> new IllegalStateException("model artifact not loaded"));
    Statement statement =
        switch (request.statement()) {
          case AttestationRequest.Band b -> {
            var band = scorecard.definition().bands().bandOf(scored.score());
            yield new Statement.Band(band.minScore(), band.maxScore());
          }
          case AttestationRequest.Threshold t -> new Statement.Threshold(t.min());
        };
    if (!ScoreProofs.satisfies(statement, scored.score())) {
      throw notSatisfied();
    }
    Opening opening = proofs.commit(scored.score());
    CredentialPackage pkg;
    try {
      pkg =
          proofs.prove(
              signer,
              recipient,
              opening,
              statement,
              Bytes32.parse("0x" + scored.modelId()),
              Duration.ofDays(request.validForDays()));
    } catch (StatementNotSatisfiedException e) {
      throw notSatisfied();
    }
    AttestationUid uid = AttestationUid.of(pkg.uid().bytes());
    byte[] sealed = sealer.seal(uid, opening);
    Instant now = clock.instant();

    tx.executeWithoutResult(
        status -> {
          List<StoredAttestation> earlier =
              store.byProfile(profile).stream()
                  .map(AttestationStore.Row::view)
                  .filter(a -> a.revokedAt() == null && a.expiresAt().isAfter(now))
                  .toList();
          store.insert(uid, profile, scored.id(), scored.modelId(), pkg, sealed);
          for (AttestationChains.Chain c : targets) {
            store.insertChain(uid, c.id(), c.registryAddress(), true, now);
          }
          events.publishEvent(
              new AttestationEvents.Issued(
                  uid,
                  profile,
                  scored.id(),
                  scored.modelId(),
                  statement instanceof Statement.Band ? "band" : "threshold",
                  targets.stream().map(AttestationChains.Chain::id).toList()));
          List<SignedRevocation> superseded =
              signer.supersede(
                  pkg.attestation(),
                  earlier.stream().map(a -> a.credential().attestation()).toList());
          for (SignedRevocation r : superseded) {
            revoke(
                AttestationUid.of(r.uid().bytes()),
                profile,
                RevocationReason.SUPERSEDED,
                r.signature(),
                uid,
                now);
          }
        });
    outbox.poke();
    List<IssuedAttestation.MintConsentRequest> consents = new ArrayList<>();
    for (AttestationChains.Chain c : targets) {
      consents.add(
          new IssuedAttestation.MintConsentRequest(
              c.id(), c.registryAddress(), typedData(uid, c.id(), c.registryAddress())));
    }
    return new IssuedAttestation(uid, consents);
  }

  private static AttestationException notSatisfied() {
    return new AttestationException(
        Reason.STATEMENT_NOT_SATISFIED,
        "your current score does not satisfy this statement; nothing was issued");
  }

  private static Address recipient(String value) {
    if (value == null || !value.matches("0x[0-9a-fA-F]{40}")) {
      throw new AttestationException(
          Reason.INVALID_REQUEST, "recipient must be a 20-byte 0x-prefixed address");
    }
    if (value.toLowerCase(Locale.ROOT).equals(ZERO_ADDRESS)) {
      throw new AttestationException(Reason.INVALID_REQUEST, "recipient must not be zero");
    }
    return new Address(value);
  }

  private List<AttestationChains.Chain> targets(List<Long> ids) {
    if (ids.isEmpty()) {
      throw new AttestationException(Reason.INVALID_REQUEST, "chainIds must name a chain");
    }
    Set<Long> distinct = new LinkedHashSet<>(ids);
    List<AttestationChains.Chain> out = new ArrayList<>();
    for (Long id : distinct) {
      out.add(
          chains
              .chain(id == null ? -1 : id)
              .orElseThrow(
                  () ->
                      new AttestationException(
                          Reason.UNSUPPORTED_CHAIN,
                          "a requested chain has no attestation registry configured")));
    }
    return out;
  }

  /** The {@code eth_signTypedData_v4} payload of {@code MintConsent(uid, chainId, registry)}. */
  static Map<String, Object> typedData(AttestationUid uid, long chainId, String registry) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("domain", Map.of("name", Eip712.DOMAIN_NAME, "version", Eip712.DOMAIN_VERSION));
    out.put(
        "types",
        Map.of(
            "EIP712Domain",
            List.of(
                Map.of("name", "name", "type", "string"),
                Map.of("name", "version", "type", "string")),
            "MintConsent",
            List.of(
                Map.of("name", "uid", "type", "bytes32"),
                Map.of("name", "chainId", "type", "uint256"),
                Map.of("name", "registry", "type", "address"))));
    out.put("primaryType", "MintConsent");
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("uid", uid.toString());
    message.put("chainId", chainId);
    message.put("registry", registry);
    out.put("message", message);
    return out;
  }

  public StoredAttestation consent(
      ProfileId profile, AttestationUid uid, long chainId, String signatureHex) {
    StoredAttestation a = get(profile, uid);
    if (a.revokedAt() != null) {
      throw new AttestationException(Reason.ALREADY_REVOKED, "the attestation is revoked");
    }
    var chainStatus =
        a.chains().stream()
            .filter(c -> c.chainId() == chainId && c.requested())
            .findFirst()
            .orElseThrow(
                () ->
                    new AttestationException(
                        Reason.UNSUPPORTED_CHAIN,
                        "the attestation was not requested for this chain"));
    if (signatureHex == null || !signatureHex.matches("0x[0-9a-fA-F]{130}")) {
      throw new AttestationException(
          Reason.INVALID_CONSENT, "signature must be 0x followed by 65 bytes of hex");
    }
    byte[] signature = HexFormat.of().parseHex(signatureHex.substring(2));
    Bytes32 digest =
        Eip712.consentDigest(
            Bytes32.parse(uid.toString()), chainId, new Address(chainStatus.registry()));
    String signer;
    try {
      signer = Eip712.recover(digest, signature);
    } catch (SignatureException e) {
      throw new AttestationException(Reason.INVALID_CONSENT, "the signature does not verify");
    }
    if (!signer.equalsIgnoreCase(a.credential().attestation().recipient().toString())) {
      throw new AttestationException(
          Reason.INVALID_CONSENT,
          "the consent is not the recipient's signature for this attestation, chain and registry");
    }
    Instant now = clock.instant();
    tx.executeWithoutResult(
        status -> {
          if (store.queueMint(uid, chainId, signature, now)) {
            events.publishEvent(new AttestationEvents.Consented(uid, profile, chainId));
          }
        });
    outbox.poke();
    return get(profile, uid);
  }

  public List<StoredAttestation> list(ProfileId profile) {
    return AttestationStore.views(store.byProfile(profile));
  }

  public StoredAttestation get(ProfileId profile, AttestationUid uid) {
    return owned(profile, uid).view();
  }

  private AttestationStore.Row owned(ProfileId profile, AttestationUid uid) {
    return store
        .find(uid)
        .filter(r -> r.view().owner().equals(profile))
        .orElseThrow(
            () ->
                new AttestationException(Reason.NOT_FOUND, "no such attestation on your profile"));
  }

  public Optional<StoredAttestation> find(AttestationUid uid) {
    return store.find(uid).map(AttestationStore.Row::view);
  }

  public Opening opening(ProfileId profile, AttestationUid uid) {
    AttestationStore.Row row = owned(profile, uid);
    return openingKeys.vault().open(uid, row.openingSealed());
  }

  public StoredAttestation revokeByBorrower(ProfileId profile, AttestationUid uid) {
    owned(profile, uid);
    AttestationIssuer signer =
        issuer.orElseThrow(
            () -> new AttestationException(Reason.ISSUER_UNAVAILABLE, "no issuer key configured"));
    byte[] signature = signer.signRevocation(Bytes32.parse(uid.toString()));
    Instant now = clock.instant();
    tx.executeWithoutResult(
        status -> revoke(uid, profile, RevocationReason.BORROWER, signature, null, now));
    outbox.poke();
    return get(profile, uid);
  }

  /**
   * Revokes attestations of the profile the score no longer satisfies (re-score, e.g. after a
   * synced liquidation).
   */
  void revokeUnsatisfied(ProfileId profile, ScoreRun.Scored score) {
    if (issuer.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    List<AttestationUid> revoked = new ArrayList<>();
    for (AttestationStore.Row row : store.byProfile(profile)) {
      StoredAttestation a = row.view();
      if (a.revokedAt() != null || !a.expiresAt().isAfter(now)) {
        continue;
      }
      if (a.issuedAt().isAfter(score.computedAt())) {
        continue; // issued from a newer score than this one
      }
      CreditAttestation attested = a.credential().attestation();
      if (!ScoreProofs.satisfies(attested.statement(), score.score())) {
        revoked.add(a.uid());
      }
    }
    if (revoked.isEmpty()) {
      return;
    }
    tx.executeWithoutResult(
        status -> {
          for (AttestationUid uid : revoked) {
            revoke(
                uid,
                profile,
                RevocationReason.SCORE_CHANGED,
                issuer.get().signRevocation(Bytes32.parse(uid.toString())),
                null,
                now);
          }
        });
    outbox.poke();
  }

  private void revoke(
      AttestationUid uid,
      ProfileId profile,
      RevocationReason reason,
      byte[] signature,
      AttestationUid supersededBy,
      Instant now) {
    if (store.markRevoked(uid, reason, signature, supersededBy, now)) {
      store.queueRevocation(uid, chains.withRegistry(), now);
      events.publishEvent(new AttestationEvents.Revoked(uid, profile, reason, supersededBy));
    }
  }

  public Optional<Reverification> reverify(AttestationUid uid) {
    return store
        .find(uid)
        .map(
            row -> {
              CredentialPackage pkg = row.view().credential();
              Address issuerAddress = pkg.attestation().issuer();
              Set<Address> trusted = new LinkedHashSet<>();
              issuer.ifPresent(i -> trusted.add(i.address()));
              if (trusted.isEmpty()) {
                trusted.add(issuerAddress);
              }
              VerificationReport report =
                  new CredentialVerifier(clock).verify(pkg, VerificationPolicy.trusting(trusted));
              List<Reverification.Check> checks =
                  report.checks().stream()
                      .map(
                          c ->
                              new Reverification.Check(
                                  c.check().label(), c.outcome().name(), c.detail()))
                      .toList();
              return new Reverification(uid, report.valid(), checks);
            });
  }
}
