package io.credence.attestation.internal;

import io.credence.attestation.AttestationUid;
import io.credence.attestation.ChainStatus;
import io.credence.attestation.StoredAttestation;
import io.credence.attestations.CredentialFormatException;
import io.credence.attestations.CredentialPackage;
import io.credence.borrower.ProfileId;
import io.credence.scoring.ScoreId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code attestation} and {@code attestation_chain} tables. */
@Component
class AttestationStore {

  private final JdbcClient jdbc;

  AttestationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored row plus its sealed opening. */
  record Row(StoredAttestation view, byte[] openingSealed, byte[] revocationSignature) {}

  void insert(
      AttestationUid uid,
      ProfileId profile,
      ScoreId score,
      String modelId,
      CredentialPackage pkg,
      byte[] openingSealed) {
    var a = pkg.attestation();
    jdbc.sql(
            """
            INSERT INTO attestation (uid, profile_id, score_run_id, model_id, recipient,
              statement_kind, lo, hi, package, opening_sealed, issued_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            uid.bytes(),
            profile.value(),
            score.value(),
            modelId,
            a.recipient().toString().toLowerCase(java.util.Locale.ROOT),
            a.statementKind() == 1 ? "THRESHOLD" : "BAND",
            a.lo(),
            a.hi(),
            pkg.withoutOpening().toJson(),
            openingSealed,
            Timestamp.from(a.issuedAt()),
            Timestamp.from(a.expiresAt()))
        .update();
  }

  void insertChain(
      AttestationUid uid, long chainId, String registry, boolean requested, Instant now) {
    jdbc.sql(
            """
            INSERT INTO attestation_chain (uid, chain_id, registry, requested, mint_state,
              next_attempt_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (uid, chain_id) DO NOTHING
            """)
        .params(
            uid.bytes(),
            chainId,
            registry,
            requested,
            requested ? "AWAITING_CONSENT" : "NOT_REQUESTED",
            Timestamp.from(now))
        .update();
  }

  /** Marks revoked (only if not yet); true if this call revoked it. */
  boolean markRevoked(
      AttestationUid uid,
      StoredAttestation.RevocationReason reason,
      byte[] signature,
      AttestationUid supersededBy,
      Instant now) {
    return jdbc.sql(
                """
                UPDATE attestation SET revoked_at = ?, revocation_reason = ?,
                  revocation_signature = ?, superseded_by = ?
                WHERE uid = ? AND revoked_at IS NULL
                """)
            .params(
                Timestamp.from(now),
                reason.name(),
                signature,
                supersededBy == null ? null : supersededBy.bytes(),
                uid.bytes())
            .update()
        == 1;
  }

  /** Queues the revocation on every given chain; unminted mints there are cancelled. */
  void queueRevocation(
      AttestationUid uid, Collection<AttestationChains.Chain> chains, Instant now) {
    for (AttestationChains.Chain c : chains) {
      insertChain(uid, c.id(), c.registryAddress(), false, now);
    }
    jdbc.sql(
            """
            UPDATE attestation_chain SET revoke_state = 'PENDING', next_attempt_at = ?, attempts = 0,
              last_error = NULL,
              mint_state = CASE WHEN mint_state IN ('AWAITING_CONSENT', 'PENDING') THEN 'CANCELLED'
                                ELSE mint_state END
            WHERE uid = ? AND revoke_state = 'NONE'
            """)
        .params(Timestamp.from(now), uid.bytes())
        .update();
  }

  /** Stores a consent and queues the mint; false unless the chain was awaiting consent. */
  boolean queueMint(AttestationUid uid, long chainId, byte[] consent, Instant now) {
    return jdbc.sql(
                """
                UPDATE attestation_chain SET consent_signature = ?, mint_state = 'PENDING',
                  next_attempt_at = ?, attempts = 0, last_error = NULL
                WHERE uid = ? AND chain_id = ? AND mint_state IN ('AWAITING_CONSENT', 'FAILED')
                  AND revoke_state = 'NONE'
                """)
            .params(consent, Timestamp.from(now), uid.bytes(), chainId)
            .update()
        == 1;
  }

  private static final String SELECT =
      "SELECT uid, profile_id, score_run_id, model_id, package, issued_at, expires_at, revoked_at,"
          + " revocation_reason, superseded_by, opening_sealed, revocation_signature FROM"
          + " attestation ";

  Optional<Row> find(AttestationUid uid) {
    return jdbc.sql(SELECT + "WHERE uid = ?")
        .param(uid.bytes())
        .query((rs, n) -> row(rs))
        .optional();
  }

  List<Row> byProfile(ProfileId profile) {
    return jdbc.sql(SELECT + "WHERE profile_id = ? ORDER BY issued_at DESC, uid")
        .param(profile.value())
        .query((rs, n) -> row(rs))
        .list();
  }

  /** Profiles with an attestation that is neither revoked nor expired. */
  List<ProfileId> profilesWithLiveAttestations(Instant now) {
    return jdbc.sql(
            "SELECT DISTINCT profile_id FROM attestation WHERE revoked_at IS NULL AND expires_at > ?")
        .param(Timestamp.from(now))
        .query((rs, n) -> new ProfileId(rs.getObject(1, UUID.class)))
        .list();
  }

  private Row row(ResultSet rs) throws SQLException {
    AttestationUid uid = AttestationUid.of(rs.getBytes(1));
    CredentialPackage pkg;
    try {
      pkg = CredentialPackage.fromJson(rs.getString(5));
    } catch (CredentialFormatException e) {
      throw new IllegalStateException("stored package of " + uid + " does not parse", e);
    }
    Timestamp revoked = rs.getTimestamp(8);
    String reason = rs.getString(9);
    byte[] superseded = rs.getBytes(10);
    StoredAttestation view =
        new StoredAttestation(
            uid,
            pkg,
            new ProfileId(rs.getObject(2, UUID.class)),
            new ScoreId(rs.getObject(3, UUID.class)),
            rs.getString(4),
            rs.getTimestamp(6).toInstant(),
            rs.getTimestamp(7).toInstant(),
            revoked == null ? null : revoked.toInstant(),
            reason == null ? null : StoredAttestation.RevocationReason.valueOf(reason),
            superseded == null ? null : AttestationUid.of(superseded),
            chains(uid, revoked != null));
    return new Row(view, rs.getBytes(11), rs.getBytes(12));
  }

  List<ChainStatus> chains(AttestationUid uid, boolean revoked) {
    return jdbc.sql(
            """
            SELECT chain_id, registry, requested, mint_state, mint_tx_hash, mint_block,
              revoke_state, revoke_tx_hash, last_error
            FROM attestation_chain WHERE uid = ? ORDER BY chain_id
            """)
        .param(uid.bytes())
        .query(
            (rs, n) -> {
              String mint = rs.getString(4);
              String revoke = rs.getString(7);
              long block = rs.getLong(6);
              Long mintBlock = rs.wasNull() ? null : block;
              ChainStatus.State state =
                  revoked || !"NONE".equals(revoke)
                      ? ChainStatus.State.REVOKED
                      : switch (mint) {
                        case "AWAITING_CONSENT" -> ChainStatus.State.AWAITING_CONSENT;
                        case "PENDING" -> ChainStatus.State.PENDING;
                        case "SUBMITTED" -> ChainStatus.State.SUBMITTED;
                        case "MINTED" -> ChainStatus.State.MINTED;
                        case "FAILED" -> ChainStatus.State.FAILED;
                        default -> ChainStatus.State.NOT_REQUESTED;
                      };
              return new ChainStatus(
                  rs.getLong(1),
                  rs.getString(2),
                  state,
                  rs.getString(5),
                  mintBlock,
                  rs.getString(9),
                  rs.getBoolean(3),
                  rs.getString(8));
            })
        .list();
  }

  static List<StoredAttestation> views(List<Row> rows) {
    List<StoredAttestation> out = new ArrayList<>();
    rows.forEach(r -> out.add(r.view()));
    return out;
  }
}
