package io.credence.attestation.web;

import io.credence.attestation.AttestationException;
import io.credence.attestation.AttestationRequest;
import io.credence.attestation.AttestationUid;
import io.credence.attestation.Attestations;
import io.credence.attestation.ChainStatus;
import io.credence.attestation.IssuedAttestation;
import io.credence.attestation.StoredAttestation;
import io.credence.attestations.CreditAttestation;
import io.credence.borrower.BorrowerPrincipal;
import io.credence.zk.Opening;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in borrower's attestations (docs/api.md, "Attestations"). */
@RestController
class AttestationController {

  private final Attestations attestations;

  AttestationController(Attestations attestations) {
    this.attestations = attestations;
  }

  record StatementBody(String type, Integer min) {}

  record AttestationBody(
      StatementBody statement, String recipient, List<Long> chainIds, Integer validForDays) {}

  record ConsentBody(Long chainId, String signature) {}

  record Issued(String uid, List<IssuedAttestation.MintConsentRequest> consents) {}

  @PostMapping("/api/v1/attestations")
  ResponseEntity<Issued> request(
      @AuthenticationPrincipal BorrowerPrincipal borrower, @RequestBody AttestationBody body) {
    if (body == null || body.statement() == null || body.statement().type() == null) {
      throw invalid("statement.type is required (band or threshold)");
    }
    AttestationRequest.RequestedStatement statement =
        switch (body.statement().type()) {
          case "band" -> new AttestationRequest.Band();
          case "threshold" -> {
            if (body.statement().min() == null) {
              throw invalid("a threshold statement needs min");
            }
            yield new AttestationRequest.Threshold(body.statement().min());
          }
          default -> throw invalid("statement.type must be band or threshold");
        };
    IssuedAttestation issued =
        attestations.request(
            borrower.profileId(),
            new AttestationRequest(
                statement,
                body.recipient(),
                body.chainIds(),
                body.validForDays() == null ? 30 : body.validForDays()));
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(new Issued(issued.uid().toString(), issued.consents()));
  }

  @PostMapping("/api/v1/attestations/{uid}/consents")
  ResponseEntity<Map<String, Object>> consent(
      @AuthenticationPrincipal BorrowerPrincipal borrower,
      @PathVariable String uid,
      @RequestBody ConsentBody body) {
    if (body == null || body.chainId() == null || body.signature() == null) {
      throw invalid("chainId and signature are required");
    }
    StoredAttestation a =
        attestations.consent(borrower.profileId(), uid(uid), body.chainId(), body.signature());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(view(a));
  }

  @GetMapping("/api/v1/attestations")
  List<Map<String, Object>> list(@AuthenticationPrincipal BorrowerPrincipal borrower) {
    return attestations.list(borrower.profileId()).stream()
        .map(AttestationController::view)
        .toList();
  }

  @GetMapping("/api/v1/attestations/{uid}")
  Map<String, Object> get(
      @AuthenticationPrincipal BorrowerPrincipal borrower, @PathVariable String uid) {
    return view(attestations.get(borrower.profileId(), uid(uid)));
  }

  /** The credential package a lender receives: attestation, signature, proof — no opening. */
  @GetMapping(
      value = "/api/v1/attestations/{uid}/package",
      produces = MediaType.APPLICATION_JSON_VALUE)
  String credentialPackage(
      @AuthenticationPrincipal BorrowerPrincipal borrower, @PathVariable String uid) {
    return attestations.get(borrower.profileId(), uid(uid)).credential().withoutOpening().toJson();
  }

  /** The commitment opening: the borrower's secret, never shown to anyone else. */
  @GetMapping("/api/v1/attestations/{uid}/opening")
  ResponseEntity<Map<String, Object>> opening(
      @AuthenticationPrincipal BorrowerPrincipal borrower, @PathVariable String uid) {
    AttestationUid id = uid(uid);
    Opening opening = attestations.opening(borrower.profileId(), id);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("uid", id.toString());
    out.put("score", opening.value().longValueExact());
    out.put("blinding", "0x" + HexFormat.of().formatHex(opening.blinding().toBytes()));
    return ResponseEntity.ok().header("Cache-Control", "no-store").body(out);
  }

  @DeleteMapping("/api/v1/attestations/{uid}")
  Map<String, Object> revoke(
      @AuthenticationPrincipal BorrowerPrincipal borrower, @PathVariable String uid) {
    return view(attestations.revoke(borrower.profileId(), uid(uid)));
  }

  private static AttestationUid uid(String value) {
    try {
      return AttestationUid.parse(value);
    } catch (IllegalArgumentException e) {
      throw new AttestationException(
          AttestationException.Reason.NOT_FOUND, "no such attestation on your profile");
    }
  }

  private static AttestationException invalid(String detail) {
    return new AttestationException(AttestationException.Reason.INVALID_REQUEST, detail);
  }

  static Map<String, Object> view(StoredAttestation a) {
    CreditAttestation c = a.credential().attestation();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("uid", a.uid().toString());
    Map<String, Object> statement = new LinkedHashMap<>();
    if (c.statementKind() == 1) {
      statement.put("type", "threshold");
      statement.put("min", c.lo());
    } else {
      statement.put("type", "band");
      statement.put("lo", c.lo());
      statement.put("hi", c.hi());
    }
    out.put("statement", statement);
    out.put("recipient", c.recipient().toString());
    out.put("issuer", c.issuer().toString());
    out.put("modelId", a.modelId());
    out.put("issuedAt", a.issuedAt());
    out.put("expiresAt", a.expiresAt());
    out.put("revokedAt", a.revokedAt());
    out.put(
        "revocationReason",
        a.revocationReason() == null ? null : a.revocationReason().name().toLowerCase(Locale.ROOT));
    out.put("supersededBy", a.supersededBy() == null ? null : a.supersededBy().toString());
    out.put("chains", a.chains().stream().map(AttestationController::chain).toList());
    return out;
  }

  private static Map<String, Object> chain(ChainStatus s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("chainId", s.chainId());
    out.put("registry", s.registry());
    out.put("status", s.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    out.put("requested", s.requested());
    out.put("txHash", s.txHash());
    out.put("block", s.block());
    out.put("failure", s.failure());
    out.put("revocationTxHash", s.revocationTxHash());
    return out;
  }
}
