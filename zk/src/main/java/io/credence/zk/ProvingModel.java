package io.credence.zk;

/**
 * What the prover (the issuer) holds: a {@link PublicModel}, or a {@link PrivateModel} with the
 * openings of its committed parameters.
 */
public sealed interface ProvingModel permits PublicModel, PrivateModel {

  /** The model the verifier will check against. */
  ModelReference reference();

  /** The scorecard (secret in private mode). */
  ScorecardModel scorecard();
}
