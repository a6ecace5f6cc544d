// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.24;

/// @notice The lender-facing read surface of the Credence attestation registry.
/// @dev "Current" is defined once, for every view: the attestation with the newest `issuedAt` among
/// those minted on this registry for the holder (a later mint wins a tie). Registries refuse
/// attestations dated more than a few minutes in the future, and issuers revoke (on every chain)
/// any older attestation that claims more than a newer one, so a holder cannot keep a stronger,
/// superseded attestation current by withholding the newer one once its revocation is relayed. If
/// the current attestation is revoked, expired or its issuer key is suspended for it, the holder
/// has no valid attestation here: an older one is never used as a fallback.
interface ICreditRegistry {
    /// @return lo lower bound of the score (the threshold t for a threshold attestation); 0 if not valid
    /// @return hi upper bound of the score (65535 for a threshold attestation); 0 if not valid
    /// @return expiresAt unix seconds after which the attestation no longer counts; 0 if not valid
    /// @return valid true when the holder's current attestation exists, is not revoked, not expired
    /// and its issuer key is not suspended for it (when false, the other values are all zero)
    function bandOf(address holder) external view returns (uint16 lo, uint16 hi, uint64 expiresAt, bool valid);

    /// @return true when the holder's current attestation is valid and proves score >= t
    function meetsThreshold(address holder, uint16 t) external view returns (bool);
}
