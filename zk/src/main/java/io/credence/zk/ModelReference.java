package io.credence.zk;

/**
 * What a verifier knows about the model behind an inference proof: the model itself ({@link
 * PublicModel}) or only its commitment ({@link ModelCommitment}).
 */
public sealed interface ModelReference permits PublicModel, ModelCommitment {

  /** The 32 bytes that identify the model in the transcript and in credentials. */
  byte[] id();
}
