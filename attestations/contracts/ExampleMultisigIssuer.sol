// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.24;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";

/// @title Example k-of-n multisig issuer key (ERC-1271)
/// @notice Demonstrates an issuer that is a contract: a signature is the concatenation of 65-byte
/// ECDSA signatures of `threshold` distinct owners over the digest, in ascending owner-address order.
/// @dev Example only (fixed owners, no execution, no owner rotation); a production issuer would use
/// an audited wallet (e.g. Safe) or an HSM-backed contract key.
contract ExampleMultisigIssuer is IERC1271 {
    mapping(address => bool) public isOwner;
    uint256 public immutable threshold;

    error InvalidOwners();

    constructor(address[] memory owners, uint256 threshold_) {
        if (threshold_ == 0 || threshold_ > owners.length) revert InvalidOwners();
        for (uint256 i = 0; i < owners.length; i++) {
            if (owners[i] == address(0) || isOwner[owners[i]]) revert InvalidOwners();
            isOwner[owners[i]] = true;
        }
        threshold = threshold_;
    }

    /// @inheritdoc IERC1271
    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        if (signature.length != 65 * threshold) return 0xffffffff;
        address last;
        for (uint256 i = 0; i < threshold; i++) {
            (address signer, ECDSA.RecoverError err,) = ECDSA.tryRecover(hash, signature[65 * i:65 * (i + 1)]);
            if (err != ECDSA.RecoverError.NoError || !isOwner[signer] || signer <= last) return 0xffffffff;
            last = signer;
        }
        return IERC1271.isValidSignature.selector;
    }
}
