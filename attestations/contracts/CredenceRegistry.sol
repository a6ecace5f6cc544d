// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {ICreditRegistry} from "./interfaces/ICreditRegistry.sol";
import {IRangeProofVerifier} from "./interfaces/IRangeProofVerifier.sol";

/// @title Credence credit attestation registry
/// @notice Mints soulbound (ERC-5192) credit attestations after checking the issuer's EIP-712
/// signature, expiry, the recipient's consent and the zero-knowledge range proof on-chain.
/// @dev The EIP-712 domain is {name: "Credence", version: "1"} with no chainId and no
/// verifyingContract, so one issuer signature is valid on every chain where a registry lives.
/// See docs/attestations.md for why that is safe. The token id of an attestation is uint256(uid).
contract CredenceRegistry is AccessControl, ICreditRegistry {
    /// @notice Role allowed to issue (sign) attestations that this registry accepts.
    bytes32 public constant ISSUER_ROLE = keccak256("ISSUER_ROLE");

    uint8 public constant STATEMENT_THRESHOLD = 1;
    uint8 public constant STATEMENT_BAND = 2;
    /// @notice `hi` of a threshold statement: the score is unbounded above.
    uint16 public constant UNBOUNDED = type(uint16).max;

    bytes32 public constant DOMAIN_TYPEHASH = keccak256("EIP712Domain(string name,string version)");
    bytes32 public constant ATTESTATION_TYPEHASH = keccak256(
        "CreditAttestation(bytes32 schema,address issuer,address recipient,bytes commitment,uint8 statementKind,"
        "uint16 lo,uint16 hi,bytes32 modelId,bytes32 proofHash,uint64 issuedAt,uint64 expiresAt,uint256 nonce)"
    );
    bytes32 public constant REVOCATION_TYPEHASH = keccak256("Revocation(bytes32 uid)");
    bytes32 public constant CONSENT_TYPEHASH = keccak256("MintConsent(bytes32 uid,uint256 chainId)");
    /// @notice Label of the proof context that binds a range proof to the attestation it backs.
    bytes32 public constant PROOF_CONTEXT_LABEL = keccak256("credence.attestation.proof-context.v1");

    /// @notice Application label of the range proof's transcript (io.credence.zk.Transcript).
    string public constant TRANSCRIPT_LABEL = "credence/attestation/v1";
    /// @notice The fresh transcript's state: keccak256("credence/transcript/v1" || u32(len) || label).
    bytes32 public immutable TRANSCRIPT_STATE;

    bytes32 public immutable DOMAIN_SEPARATOR;
    IRangeProofVerifier public immutable verifier;

    struct CreditAttestation {
        bytes32 schema;
        address issuer;
        address recipient;
        bytes commitment;
        uint8 statementKind;
        uint16 lo;
        uint16 hi;
        bytes32 modelId;
        bytes32 proofHash;
        uint64 issuedAt;
        uint64 expiresAt;
        uint256 nonce;
    }

    /// @notice What the registry keeps of a minted attestation (the full signed data is in the
    /// Minted event and the holder's credential package).
    struct Record {
        address recipient;
        uint16 lo;
        uint16 hi;
        uint8 statementKind;
        bool revoked;
        address issuer;
        uint48 issuedAt;
        uint48 expiresAt;
        bytes32 schema;
        bytes32 modelId;
    }

    mapping(bytes32 uid => Record) private records;
    mapping(address holder => bytes32 uid) public currentOf;
    mapping(bytes32 uid => mapping(address issuer => bool)) public revokedBy;

    event Minted(bytes32 indexed uid, address indexed recipient, address indexed issuer, CreditAttestation attestation);
    event Revoked(bytes32 indexed uid, address indexed issuer);
    /// @notice ERC-5192: emitted once per token, which is locked forever.
    event Locked(uint256 tokenId);
    /// @notice ERC-721 Transfer, emitted only for mints (from == 0): tokens never move.
    event Transfer(address indexed from, address indexed to, uint256 indexed tokenId);

    error InvalidIssuerSignature();
    error UnauthorizedIssuer(address issuer);
    error AttestationExpired(uint64 expiresAt);
    error InvalidStatement();
    error ConsentRequired(address recipient);
    error InvalidConsent();
    error ProofHashMismatch(bytes32 expected, bytes32 actual);
    error AlreadyMinted(bytes32 uid);
    error AttestationRevoked(bytes32 uid);
    error UnknownAttestation(bytes32 uid);
    error NotIssuer(address caller);
    error Soulbound();

    constructor(address admin, IRangeProofVerifier verifier_) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        verifier = verifier_;
        TRANSCRIPT_STATE = keccak256(
            abi.encodePacked("credence/transcript/v1", uint32(bytes(TRANSCRIPT_LABEL).length), TRANSCRIPT_LABEL)
        );
        DOMAIN_SEPARATOR = keccak256(abi.encode(DOMAIN_TYPEHASH, keccak256("Credence"), keccak256("1")));
    }

    // ----------------------------------------------------------------------------- hashing

    /// @notice The uid of an attestation: its EIP-712 digest, identical on every chain.
    function uidOf(CreditAttestation calldata a) public view returns (bytes32) {
        bytes32 structHash = keccak256(
            abi.encode(
                ATTESTATION_TYPEHASH,
                a.schema,
                a.issuer,
                a.recipient,
                keccak256(a.commitment),
                a.statementKind,
                a.lo,
                a.hi,
                a.modelId,
                a.proofHash,
                a.issuedAt,
                a.expiresAt,
                a.nonce
            )
        );
        return _digest(structHash);
    }

    function revocationDigest(bytes32 uid) public view returns (bytes32) {
        return _digest(keccak256(abi.encode(REVOCATION_TYPEHASH, uid)));
    }

    function consentDigest(bytes32 uid) public view returns (bytes32) {
        return _digest(keccak256(abi.encode(CONSENT_TYPEHASH, uid, block.chainid)));
    }

    /// @notice The context bytes the range proof's transcript absorbs: they tie the proof to this
    /// schema, issuer, recipient, model and nonce, so it cannot back another attestation.
    function proofContext(CreditAttestation calldata a) public pure returns (bytes memory) {
        return abi.encode(PROOF_CONTEXT_LABEL, a.schema, a.issuer, a.recipient, a.modelId, a.nonce);
    }

    function _digest(bytes32 structHash) private view returns (bytes32) {
        return keccak256(abi.encodePacked(hex"1901", DOMAIN_SEPARATOR, structHash));
    }

    // ----------------------------------------------------------------------------- minting

    /// @notice Mints an attestation for msg.sender, who must be its recipient.
    function mint(CreditAttestation calldata a, bytes calldata issuerSignature, bytes calldata proof)
        external
        returns (bytes32 uid)
    {
        if (msg.sender != a.recipient) revert ConsentRequired(a.recipient);
        return _mint(a, issuerSignature, proof);
    }

    /// @notice Mints an attestation on behalf of its recipient, who signed an EIP-712
    /// MintConsent(uid, chainId) for this chain (EOA or ERC-1271 contract wallet).
    function mintWithConsent(
        CreditAttestation calldata a,
        bytes calldata issuerSignature,
        bytes calldata proof,
        bytes calldata consentSignature
    ) external returns (bytes32 uid) {
        if (msg.sender != a.recipient) {
            bytes32 digest = consentDigest(uidOf(a));
            if (!SignatureChecker.isValidSignatureNow(a.recipient, digest, consentSignature)) {
                revert InvalidConsent();
            }
        }
        return _mint(a, issuerSignature, proof);
    }

    function _mint(CreditAttestation calldata a, bytes calldata issuerSignature, bytes calldata proof)
        private
        returns (bytes32 uid)
    {
        uid = uidOf(a);
        (address signer, ECDSA.RecoverError err,) = ECDSA.tryRecover(uid, issuerSignature);
        if (err != ECDSA.RecoverError.NoError || signer != a.issuer) revert InvalidIssuerSignature();
        if (!hasRole(ISSUER_ROLE, signer)) revert UnauthorizedIssuer(signer);
        if (a.expiresAt <= block.timestamp) revert AttestationExpired(a.expiresAt);
        if (a.issuedAt >= a.expiresAt || a.recipient == address(0)) revert InvalidStatement();
        if (a.statementKind == STATEMENT_THRESHOLD) {
            if (a.hi != UNBOUNDED) revert InvalidStatement();
        } else if (a.statementKind != STATEMENT_BAND || a.lo > a.hi) {
            revert InvalidStatement();
        }
        if (records[uid].recipient != address(0)) revert AlreadyMinted(uid);
        if (revokedBy[uid][signer]) revert AttestationRevoked(uid);
        bytes32 actual = keccak256(proof);
        if (actual != a.proofHash) revert ProofHashMismatch(a.proofHash, actual);

        verifier.verifyRange(TRANSCRIPT_STATE, a.commitment, a.statementKind, a.lo, a.hi, proofContext(a), proof);

        records[uid] = Record({
            recipient: a.recipient,
            lo: a.lo,
            hi: a.hi,
            statementKind: a.statementKind,
            revoked: false,
            issuer: signer,
            issuedAt: uint48(a.issuedAt),
            expiresAt: uint48(a.expiresAt),
            schema: a.schema,
            modelId: a.modelId
        });
        bytes32 current = currentOf[a.recipient];
        if (current == bytes32(0) || records[current].issuedAt <= a.issuedAt) currentOf[a.recipient] = uid;

        emit Minted(uid, a.recipient, signer, a);
        emit Transfer(address(0), a.recipient, uint256(uid));
        emit Locked(uint256(uid));
    }

    // ----------------------------------------------------------------------------- revocation

    /// @notice Portable revocation: anyone may relay the issuer's EIP-712 Revocation(uid)
    /// signature, on any chain. A uid not minted here yet is recorded as revoked by the signer,
    /// which blocks a later mint of that issuer's attestation on this chain.
    function revokeWithSignature(bytes32 uid, bytes calldata issuerSignature) external {
        (address signer, ECDSA.RecoverError err,) = ECDSA.tryRecover(revocationDigest(uid), issuerSignature);
        if (err != ECDSA.RecoverError.NoError) revert InvalidIssuerSignature();
        Record storage r = records[uid];
        if (r.recipient != address(0)) {
            if (signer != r.issuer) revert InvalidIssuerSignature();
        } else if (!hasRole(ISSUER_ROLE, signer)) {
            revert UnauthorizedIssuer(signer);
        }
        _revoke(uid, signer);
    }

    /// @notice Direct revocation by the issuer of a minted attestation.
    function revoke(bytes32 uid) external {
        Record storage r = records[uid];
        if (r.recipient == address(0)) revert UnknownAttestation(uid);
        if (msg.sender != r.issuer) revert NotIssuer(msg.sender);
        _revoke(uid, msg.sender);
    }

    function _revoke(bytes32 uid, address issuer) private {
        revokedBy[uid][issuer] = true;
        Record storage r = records[uid];
        if (r.recipient != address(0) && !r.revoked) r.revoked = true;
        emit Revoked(uid, issuer);
    }

    // ----------------------------------------------------------------------------- views

    function getAttestation(bytes32 uid) external view returns (Record memory) {
        Record memory r = records[uid];
        if (r.recipient == address(0)) revert UnknownAttestation(uid);
        return r;
    }

    /// @notice True when the attestation is minted, not revoked and not expired.
    function isValid(bytes32 uid) public view returns (bool) {
        Record storage r = records[uid];
        return r.recipient != address(0) && !r.revoked && r.expiresAt > block.timestamp;
    }

    /// @inheritdoc ICreditRegistry
    function bandOf(address holder) external view returns (uint16 lo, uint16 hi, uint64 expiresAt, bool valid) {
        bytes32 uid = currentOf[holder];
        Record storage r = records[uid];
        return (r.lo, r.hi, r.expiresAt, uid != bytes32(0) && isValid(uid));
    }

    /// @inheritdoc ICreditRegistry
    function meetsThreshold(address holder, uint16 t) external view returns (bool) {
        bytes32 uid = currentOf[holder];
        return uid != bytes32(0) && isValid(uid) && records[uid].lo >= t;
    }

    // ----------------------------------------------------------------------------- soulbound ERC-721 surface

    /// @notice ERC-5192: every attestation is locked to its recipient.
    function locked(uint256 tokenId) external view returns (bool) {
        if (records[bytes32(tokenId)].recipient == address(0)) revert UnknownAttestation(bytes32(tokenId));
        return true;
    }

    function ownerOf(uint256 tokenId) external view returns (address owner) {
        owner = records[bytes32(tokenId)].recipient;
        if (owner == address(0)) revert UnknownAttestation(bytes32(tokenId));
    }

    function transferFrom(address, address, uint256) external pure {
        revert Soulbound();
    }

    function safeTransferFrom(address, address, uint256) external pure {
        revert Soulbound();
    }

    function safeTransferFrom(address, address, uint256, bytes calldata) external pure {
        revert Soulbound();
    }

    function approve(address, uint256) external pure {
        revert Soulbound();
    }

    function setApprovalForAll(address, bool) external pure {
        revert Soulbound();
    }

    function getApproved(uint256) external pure returns (address) {
        return address(0);
    }

    function isApprovedForAll(address, address) external pure returns (bool) {
        return false;
    }

    function supportsInterface(bytes4 interfaceId) public view override returns (bool) {
        return interfaceId == 0xb45a3c0e // ERC-5192
            || interfaceId == type(ICreditRegistry).interfaceId || super.supportsInterface(interfaceId);
    }
}
