package io.credence.zk;

/** The group backend used by the protocol. One line to swap in a faster implementation. */
final class Bn254 {

  static final CurveGroup GROUP = new MontgomeryGroup();

  private Bn254() {}
}
