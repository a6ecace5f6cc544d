// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.24;

/// @notice Verifies a Credence Bulletproofs range proof against a Pedersen score commitment.
/// @dev The proof format, the commitment encoding and the Fiat-Shamir transcript are the zk
/// module's (docs/zk-protocol.md; io.credence.zk.ScoreVerifier); implementations mirror the Java
/// verifier exactly. They revert on any invalid input or proof and return normally only when the
/// proof holds: there is no boolean for a caller to forget to check.
interface IRangeProofVerifier {
    /// @param transcriptState the caller's transcript state before the proof protocol binds its
    /// inputs: keccak256("credence/transcript/v1" || u32(len(app)) || app) for a fresh transcript
    /// @param commitment the score commitment V, 64 bytes x || y
    /// @param statementKind 1 = threshold (score >= lo), 2 = band (lo <= score <= hi)
    /// @param lo threshold t, or the band's lower bound
    /// @param hi the band's upper bound (ignored for a threshold)
    /// @param context caller context bytes absorbed by the transcript before any challenge
    /// @param proof io.credence.zk.RangeProof#toAbiBytes()
    function verifyRange(
        bytes32 transcriptState,
        bytes calldata commitment,
        uint8 statementKind,
        uint64 lo,
        uint64 hi,
        bytes calldata context,
        bytes calldata proof
    ) external view;
}
