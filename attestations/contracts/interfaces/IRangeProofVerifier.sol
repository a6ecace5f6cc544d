// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.24;

/// @notice Verifies Credence Bulletproofs range proofs against Pedersen score commitments.
/// @dev The proof format, the commitment encoding and the Fiat-Shamir transcript are the zk
/// module's (docs/zk-protocol.md; io.credence.zk.ScoreVerifier); implementations mirror the Java
/// verifier exactly. They revert on any invalid input or proof and return normally only when every
/// proof holds: there is no boolean for a caller to forget to check.
interface IRangeProofVerifier {
    /// @notice One range-proof claim: a commitment, a statement, the caller's context and the proof.
    /// @param commitment the score commitment V, 64 bytes x || y
    /// @param statementKind 1 = threshold (score >= lo), 2 = band (lo <= score <= hi)
    /// @param lo threshold t, or the band's lower bound
    /// @param hi the band's upper bound (ignored for a threshold)
    /// @param context caller context bytes absorbed by the transcript before any challenge
    /// @param proof io.credence.zk.RangeProof#toAbiBytes()
    struct RangeClaim {
        bytes commitment;
        uint8 statementKind;
        uint64 lo;
        uint64 hi;
        bytes context;
        bytes proof;
    }

    /// @notice Verifies one proof; reverts InvalidProof(reason) unless it holds.
    /// @param transcriptState the caller's transcript state before the proof protocol binds its
    /// inputs: keccak256("credence/transcript/v1" || u32(len(app)) || app) for a fresh transcript
    function verifyRange(
        bytes32 transcriptState,
        bytes calldata commitment,
        uint8 statementKind,
        uint64 lo,
        uint64 hi,
        bytes calldata context,
        bytes calldata proof
    ) external view;

    /// @notice Verifies every claim with one multi-scalar multiplication (zk spec §7, batch
    /// verification): each proof's check is weighted by a random scalar derived from the
    /// transcripts of all of them, and the shared generators are multiplied once. Reverts
    /// InvalidProof(reason) if any claim fails (decoding reasons name the first bad claim's
    /// problem; a failed aggregate equation says only EQUATION_FAILED, not which claim).
    /// @param transcriptState as for verifyRange; every claim starts from this state
    function verifyBatch(bytes32 transcriptState, RangeClaim[] calldata claims) external view;
}
