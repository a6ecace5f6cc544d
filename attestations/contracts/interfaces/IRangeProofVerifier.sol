// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.24;

/// @notice Verifies a Credence Bulletproofs range proof against a Pedersen score commitment.
/// @dev The proof format, the commitment encoding and the Fiat-Shamir transcript are defined by
/// the zk module (docs/zk-protocol.md); implementations must mirror the Java verifier exactly.
/// Implementations revert on any invalid input or proof and return normally only when the proof
/// holds: there is no boolean for a caller to forget to check.
interface IRangeProofVerifier {
    /// @param commitment the zk module's canonical encoding of the score commitment V
    /// @param statementKind 1 = threshold (score >= lo), 2 = band (lo <= score <= hi)
    /// @param lo threshold t, or the band's lower bound
    /// @param hi the band's upper bound (ignored for a threshold)
    /// @param context caller context bytes absorbed by the transcript before any challenge
    /// @param proof the zk module's canonical proof encoding
    function verifyRange(
        bytes calldata commitment,
        uint8 statementKind,
        uint16 lo,
        uint16 hi,
        bytes calldata context,
        bytes calldata proof
    ) external view;
}
