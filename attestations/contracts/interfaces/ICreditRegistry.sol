// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.24;

/// @notice The lender-facing read surface of the Credence attestation registry.
interface ICreditRegistry {
    /// @return lo lower bound of the score (the threshold t for a threshold attestation)
    /// @return hi upper bound of the score (65535 for a threshold attestation)
    /// @return expiresAt unix seconds after which the attestation no longer counts
    /// @return valid true when the holder's current attestation exists, is not revoked and not expired
    function bandOf(address holder) external view returns (uint16 lo, uint16 hi, uint64 expiresAt, bool valid);

    /// @return true when the holder's current attestation is valid and proves score >= t
    function meetsThreshold(address holder, uint16 t) external view returns (bool);
}
