package io.credence.compliance.web;

import io.credence.attestation.AttestationUid;
import io.credence.attestation.Attestations;
import io.credence.attestation.Reverification;
import io.credence.attestation.StoredAttestation;
import io.credence.compliance.internal.ComplianceProblem;
import io.credence.scoring.RegisteredModel;
import io.credence.scoring.ScoringModels;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Re-verification of stored attestations and the model registry, for compliance officers. */
@RestController
class ComplianceAttestationController {

  private final Attestations attestations;
  private final ScoringModels models;
  private final Clock clock;

  ComplianceAttestationController(Attestations attestations, ScoringModels models, Clock clock) {
    this.attestations = attestations;
    this.models = models;
    this.clock = clock;
  }

  /**
   * @param owner the borrower profile it was issued to (the officer follows it in the audit log)
   * @param scoreId the score run it commits to
   * @param checks every check, in order, with its reason
   */
  record ReverifyResponse(
      String uid,
      Instant reverifiedAt,
      boolean valid,
      String owner,
      String scoreId,
      String modelId,
      Instant revokedAt,
      List<Reverification.Check> checks) {}

  /** Re-verifies the stored proof and signature now; every check reported. */
  @PostMapping("/api/v1/compliance/attestations/{uid}/reverify")
  ReverifyResponse reverify(@PathVariable String uid) {
    AttestationUid id = parse(uid);
    StoredAttestation stored =
        attestations.find(id).orElseThrow(ComplianceProblem::attestationNotFound);
    Reverification result =
        attestations.reverify(id).orElseThrow(ComplianceProblem::attestationNotFound);
    return new ReverifyResponse(
        id.toString(),
        clock.instant(),
        result.valid(),
        stored.owner().toString(),
        stored.scoreId().toString(),
        stored.modelId(),
        stored.revokedAt(),
        result.checks());
  }

  record Models(List<RegisteredModel> models) {}

  /** Every registered model, oldest first: version, id, evaluation summary, usage count. */
  @GetMapping("/api/v1/compliance/models")
  Models models() {
    return new Models(models.models());
  }

  private static AttestationUid parse(String uid) {
    try {
      return AttestationUid.parse(uid);
    } catch (IllegalArgumentException e) {
      throw ComplianceProblem.attestationNotFound();
    }
  }
}
