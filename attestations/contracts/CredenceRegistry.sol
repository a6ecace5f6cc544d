// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {ICreditRegistry} from "./interfaces/ICreditRegistry.sol";
import {IRangeProofVerifier} from "./interfaces/IRangeProofVerifier.sol";

/// @title Credence credit attestation registry
/// @notice Mints soulbound (ERC-721 + ERC-5192) credit attestations after checking the issuer's
/// EIP-712 signature (EOA or ERC-1271 contract), the issuer's authorisation and suspension,
/// validity dates, the recipient's consent, revocations and the zero-knowledge range proof
/// on-chain; one at a time or many with one aggregated proof check (mintBatch).
/// @dev Attestations and revocations are signed in the domain {name: "Credence", version: "1"} with
/// no chainId and no verifyingContract, so they are valid on every chain where a registry lives;
/// a MintConsent names this registry's chain id and address. docs/attestations.md explains why
/// that is safe and lists the residual windows. The token id of an attestation is uint256(uid).
contract CredenceRegistry is AccessControl, ICreditRegistry {
    /// @notice Role allowed to issue (sign) attestations that this registry accepts. Removing it
    /// from an account (revokeRole/renounceRole) also suspends the key from that moment.
    bytes32 public constant ISSUER_ROLE = keccak256("ISSUER_ROLE");

    uint8 public constant STATEMENT_THRESHOLD = 1;
    uint8 public constant STATEMENT_BAND = 2;
    /// @notice `hi` of a threshold statement: the score is unbounded above.
    uint16 public constant UNBOUNDED = type(uint16).max;
    /// @notice How far in the future `issuedAt` may lie (issuer and chain clocks differ a little).
    uint64 public constant MAX_CLOCK_SKEW = 300;

    bytes32 public constant DOMAIN_TYPEHASH = keccak256("EIP712Domain(string name,string version)");
    bytes32 public constant ATTESTATION_TYPEHASH = keccak256(
        "CreditAttestation(bytes32 schema,address issuer,address recipient,bytes commitment,uint8 statementKind,"
        "uint16 lo,uint16 hi,bytes32 modelId,bytes32 proofHash,uint64 issuedAt,uint64 expiresAt,uint256 nonce)"
    );
    bytes32 public constant REVOCATION_TYPEHASH = keccak256("Revocation(bytes32 uid)");
    bytes32 public constant CONSENT_TYPEHASH = keccak256("MintConsent(bytes32 uid,uint256 chainId,address registry)");
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

    /// @notice One item of mintBatch. `consentSignature` is empty when msg.sender is the recipient.
    struct MintRequest {
        CreditAttestation attestation;
        bytes issuerSignature;
        bytes proof;
        bytes consentSignature;
    }

    /// @notice What the registry keeps of a minted attestation (the full signed data, with schema
    /// and model id, is in the Minted event and the credential package).
    struct Record {
        address recipient;
        uint16 lo;
        uint16 hi;
        uint8 statementKind;
        uint48 issuedAt;
        bool revoked;
        address issuer;
        uint48 expiresAt;
    }

    /// @dev A Record in two storage slots, plus the recipient's ERC-721 balance in the six bytes
    /// left in the second slot. Only the holder's *current* attestation's `holderBalance` is
    /// meaningful (the others keep a stale value that nothing reads): a first-time holder thus
    /// costs one new slot (the current pointer) instead of two, and a renewal updates one slot
    /// instead of two. The balance moves to the new record when the current one changes.
    /// Invariant: records[currentUid[h]].holderBalance = the number of unburned attestations of h.
    struct StoredRecord {
        address recipient;
        uint16 lo;
        uint16 hi;
        uint8 statementKind;
        uint48 issuedAt;
        bool revoked;
        address issuer;
        uint48 expiresAt;
        uint48 holderBalance;
    }

    /// @dev Before a uid is minted here (recipient == 0), its second slot is a revocation summary
    /// instead: `issuer` = the first signer whose revocation was recorded for it (kept only there),
    /// `expiresAt` = flags AHEAD_ADMIN (an admin revoked it) and AHEAD_MORE (later signers are in
    /// `revocations`). A mint reads that slot anyway (it writes it), so checking "revoked by its
    /// issuer or an admin" costs no cold storage read unless someone recorded a revocation for the
    /// uid; minting moves the first signer into `revocations`.
    mapping(bytes32 uid => StoredRecord) private records;
    /// @dev The holder's current attestation; only ever a uid whose record names that holder.
    mapping(address holder => bytes32 uid) private currentUid;
    /// @dev Revocations recorded per (uid, signer), except the pre-mint summary's (see records).
    mapping(bytes32 uid => mapping(address signer => bool)) private revocations;
    /// @notice Attestations of `issuer` with issuedAt >= suspendedFrom are invalid; 0 = not suspended.
    mapping(address issuer => uint48) public suspendedFrom;
    uint48 private constant AHEAD_ADMIN = 1;
    uint48 private constant AHEAD_MORE = 2;
    /// @notice Longest accepted validity (expiresAt - issuedAt): bounds how long a backdated
    /// attestation of a stolen key can live.
    uint48 public maxValidity;

    /// @notice A new attestation; `attestation` is the full signed data.
    event Minted(bytes32 indexed uid, address indexed recipient, address indexed issuer, CreditAttestation attestation);
    /// @notice A revocation was recorded for the first time (by = signer, or this registry for an admin).
    event Revoked(bytes32 indexed uid, address indexed by);
    /// @notice The holder's current attestation changed (see ICreditRegistry).
    event CurrentChanged(address indexed holder, bytes32 indexed previous, bytes32 indexed current);
    event IssuerKeySuspended(address indexed issuer, uint48 from);
    event MaxValidityChanged(uint48 maxValidity);
    /// @notice ERC-5192: emitted once per token, which is locked forever.
    event Locked(uint256 tokenId);
    /// @notice ERC-721 Transfer: from 0 on mint, to 0 when a revocation burns the token. Tokens never move.
    event Transfer(address indexed from, address indexed to, uint256 indexed tokenId);

    error InvalidIssuerSignature();
    error UnauthorizedIssuer(address issuer);
    error IssuerSuspended(address issuer, uint48 from);
    error AttestationExpired(uint64 expiresAt);
    error IssuedInFuture(uint64 issuedAt);
    error ValidityTooLong(uint64 validity, uint48 maxValidity);
    error TimestampOutOfRange(uint64 value);
    error InvalidStatement();
    error ConsentRequired(address recipient);
    error InvalidConsent();
    error ProofHashMismatch(bytes32 expected, bytes32 actual);
    error AlreadyMinted(bytes32 uid);
    error AttestationRevoked(bytes32 uid);
    error UnknownAttestation(bytes32 uid);
    error NotIssuer(address caller);
    error InvalidRevocationSignature();
    error InvalidSuspension();
    error ZeroAddress();
    error Soulbound();

    /// @param maxValidity_ longest accepted expiresAt - issuedAt, in seconds (e.g. 30 days)
    constructor(address admin, IRangeProofVerifier verifier_, uint48 maxValidity_) {
        if (maxValidity_ == 0) revert InvalidSuspension();
        // mintBatch calls the verifier with a low-level staticcall, which "succeeds" on an account
        // without code: the verifier must be a contract, and it is immutable.
        if (address(verifier_).code.length == 0) revert ZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        verifier = verifier_;
        maxValidity = maxValidity_;
        TRANSCRIPT_STATE = keccak256(
            abi.encodePacked("credence/transcript/v1", uint32(bytes(TRANSCRIPT_LABEL).length), TRANSCRIPT_LABEL)
        );
        DOMAIN_SEPARATOR = keccak256(abi.encode(DOMAIN_TYPEHASH, keccak256("Credence"), keccak256("1")));
    }

    /// @notice Interface version of this registry.
    function version() external pure returns (string memory) {
        return "2";
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

    /// @notice The digest an issuer signs to revoke `uid` on every chain.
    function revocationDigest(bytes32 uid) public view returns (bytes32) {
        return _digest(keccak256(abi.encode(REVOCATION_TYPEHASH, uid)));
    }

    /// @notice The digest a recipient signs to let someone else mint `uid` on this registry (this
    /// chain id and this contract's address: the consent is worthless anywhere else).
    function consentDigest(bytes32 uid) public view returns (bytes32) {
        return _digest(keccak256(abi.encode(CONSENT_TYPEHASH, uid, block.chainid, address(this))));
    }

    /// @notice The context bytes the range proof's transcript absorbs: they tie the proof to this
    /// schema, issuer, recipient, model and nonce, so it cannot back another attestation.
    function proofContext(CreditAttestation calldata a) public pure returns (bytes memory) {
        return abi.encode(PROOF_CONTEXT_LABEL, a.schema, a.issuer, a.recipient, a.modelId, a.nonce);
    }

    /// @notice True when `signature` over `digest` is valid for `signer` now: ECDSA for an EOA,
    /// ERC-1271 isValidSignature for a contract (e.g. a multisig issuer). For off-chain verifiers.
    function isValidSignatureNow(address signer, bytes32 digest, bytes calldata signature)
        external
        view
        returns (bool)
    {
        return _isValidSignature(signer, digest, signature);
    }

    /// @dev ECDSA first, ERC-1271 only when that does not recover `signer` and `signer` has code:
    /// an EOA's account is never touched (EXTCODESIZE on a cold account costs 2,600 gas, paid per
    /// item for fresh recipients' consents). No key is known for a contract's address, so
    /// recovering it by ECDSA is as infeasible as forging its ERC-1271 answer.
    function _isValidSignature(address signer, bytes32 digest, bytes calldata signature) private view returns (bool) {
        (address recovered, ECDSA.RecoverError err,) = ECDSA.tryRecoverCalldata(digest, signature);
        if (err == ECDSA.RecoverError.NoError && recovered == signer) return true;
        return signer.code.length != 0 && SignatureChecker.isValidERC1271SignatureNowCalldata(signer, digest, signature);
    }

    function _digest(bytes32 structHash) private view returns (bytes32) {
        return keccak256(abi.encodePacked(hex"1901", DOMAIN_SEPARATOR, structHash));
    }

    // ----------------------------------------------------------------------------- minting

    /// @notice Mints an attestation for msg.sender, who must be its recipient.
    /// @dev Checks, in this order: timestamps fit 48 bits, statement well-formed, validity <=
    /// maxValidity, not dated in the future, not expired, issuer signature, issuer authorised, issuer
    /// not suspended, consent, not already minted, not revoked, proof hash, range proof.
    function mint(CreditAttestation calldata a, bytes calldata issuerSignature, bytes calldata proof)
        external
        returns (bytes32 uid)
    {
        return _mintOne(a, issuerSignature, proof, proof[0:0]);
    }

    /// @notice Mints an attestation on behalf of its recipient, who signed an EIP-712
    /// MintConsent(uid, chainId, registry) for this registry (EOA or ERC-1271 contract wallet).
    /// Same checks and order as mint; the consent is not needed when msg.sender is the recipient.
    function mintWithConsent(
        CreditAttestation calldata a,
        bytes calldata issuerSignature,
        bytes calldata proof,
        bytes calldata consentSignature
    ) external returns (bytes32 uid) {
        return _mintOne(a, issuerSignature, proof, consentSignature);
    }

    /// @notice Mints many attestations with one aggregated range-proof check.
    /// @dev Every item passes the same checks as mint/mintWithConsent, independently. Items that fail
    /// a check are skipped and do not stop the others; if the aggregated proof check fails, the
    /// proofs are checked one by one and only the bad ones are skipped. A duplicate of an earlier
    /// item of the same batch is skipped as AlreadyMinted.
    /// @return results per item: empty when minted, else the ABI-encoded custom error it failed with
    function mintBatch(MintRequest[] calldata requests) external returns (bytes[] memory results) {
        uint256 count = requests.length;
        results = new bytes[](count);
        bytes32[] memory uids = new bytes32[](count);
        bool[] memory passed = new bool[](count);
        uint256 passing;
        for (uint256 i = 0; i < count; i++) {
            MintRequest calldata q = requests[i];
            (bytes32 uid, bytes memory err) =
                _check(q.attestation, q.issuerSignature, q.proof, q.consentSignature);
            uids[i] = uid;
            if (err.length == 0) {
                passed[i] = true;
                passing++;
            } else {
                results[i] = err;
            }
        }
        if (passing == 0) return results;

        (bool ok, bytes memory reason) = address(verifier).staticcall(_verifyBatchCall(requests, passed, passing));
        if (!ok) {
            if (reason.length == 0) _bubble(reason); // out of gas or a precompile failure: not a verdict
            // Some proof is bad: find it (them) one by one; only those items are skipped.
            for (uint256 i = 0; i < count; i++) {
                if (!passed[i]) continue;
                CreditAttestation calldata a = requests[i].attestation;
                try verifier.verifyRange(
                    TRANSCRIPT_STATE, a.commitment, a.statementKind, a.lo, a.hi, proofContext(a), requests[i].proof
                ) {}
                catch (bytes memory why) {
                    if (why.length == 0) _bubble(why);
                    results[i] = why;
                    passed[i] = false;
                }
            }
        }
        for (uint256 i = 0; i < count; i++) {
            if (!passed[i]) continue;
            if (records[uids[i]].recipient != address(0)) {
                results[i] = abi.encodeWithSelector(AlreadyMinted.selector, uids[i]);
                continue;
            }
            _store(uids[i], requests[i].attestation);
        }
    }

    /// @dev The calldata of verifier.verifyBatch(TRANSCRIPT_STATE, claims) for the passed items, written
    /// straight from this call's calldata (what abi.encode of RangeClaim[] would give, without first
    /// copying every claim into memory structs): selector, state, offset 0x40, count, one offset per
    /// claim, then each claim (commitment at 192, kind, lo, hi, context and proof offsets; the
    /// commitment, the 192-byte proof context and the proof, each length-prefixed and zero-padded).
    /// Every field was read, and so validated, by _check.
    function _verifyBatchCall(MintRequest[] calldata requests, bool[] memory passed, uint256 passing)
        private
        view
        returns (bytes memory data)
    {
        bytes32 state = TRANSCRIPT_STATE;
        bytes4 selector = IRangeProofVerifier.verifyBatch.selector;
        uint256 heads;
        uint256 out;
        assembly ("memory-safe") {
            data := mload(0x40)
            let p := add(data, 32)
            mstore(p, selector)
            mstore(add(p, 4), state)
            mstore(add(p, 36), 0x40)
            mstore(add(p, 68), passing)
            heads := add(p, 100)
            out := add(heads, shl(5, passing))
        }
        uint256 c;
        for (uint256 i = 0; i < requests.length; i++) {
            if (!passed[i]) continue;
            CreditAttestation calldata a = requests[i].attestation;
            bytes calldata commitment = a.commitment;
            bytes calldata proof = requests[i].proof;
            uint256 kind = a.statementKind;
            uint256 lo = a.lo;
            uint256 hi = a.hi;
            bytes32 label = PROOF_CONTEXT_LABEL;
            bytes32 schema = a.schema;
            address issuer = a.issuer;
            address recipient = a.recipient;
            bytes32 modelId = a.modelId;
            uint256 nonce = a.nonce;
            assembly ("memory-safe") {
                function put(at, off, len) -> next {
                    // len bytes of calldata at off, length-prefixed and zero-padded to whole words
                    mstore(at, len)
                    let words := shl(5, shr(5, add(len, 31)))
                    if words { mstore(add(at, words), 0) }
                    calldatacopy(add(at, 32), off, len)
                    next := add(add(at, 32), words)
                }
                mstore(add(heads, shl(5, c)), sub(out, heads))
                mstore(out, 192)
                mstore(add(out, 32), kind)
                mstore(add(out, 64), lo)
                mstore(add(out, 96), hi)
                let ctx := put(add(out, 192), commitment.offset, commitment.length)
                mstore(add(out, 128), sub(ctx, out))
                mstore(add(out, 160), add(sub(ctx, out), 224))
                mstore(ctx, 192) // abi.encode(label, schema, issuer, recipient, modelId, nonce)
                mstore(add(ctx, 32), label)
                mstore(add(ctx, 64), schema)
                mstore(add(ctx, 96), issuer)
                mstore(add(ctx, 128), recipient)
                mstore(add(ctx, 160), modelId)
                mstore(add(ctx, 192), nonce)
                out := put(add(ctx, 224), proof.offset, proof.length)
            }
            c++;
        }
        assembly ("memory-safe") {
            mstore(data, sub(out, add(data, 32)))
            mstore(0x40, out)
        }
    }

    function _mintOne(
        CreditAttestation calldata a,
        bytes calldata issuerSignature,
        bytes calldata proof,
        bytes calldata consentSignature
    ) private returns (bytes32 uid) {
        bytes memory err;
        (uid, err) = _check(a, issuerSignature, proof, consentSignature);
        if (err.length != 0) _bubble(err);
        verifier.verifyRange(
            TRANSCRIPT_STATE, a.commitment, a.statementKind, a.lo, a.hi, proofContext(a), proof
        );
        _store(uid, a);
    }

    /// @dev Every check of a mint except the range proof, in the documented order. Returns the
    /// ABI-encoded custom error of the first failed check, or empty bytes.
    function _check(
        CreditAttestation calldata a,
        bytes calldata issuerSignature,
        bytes calldata proof,
        bytes calldata consentSignature
    ) private view returns (bytes32 uid, bytes memory err) {
        if (a.issuedAt > type(uint48).max) return (uid, abi.encodeWithSelector(TimestampOutOfRange.selector, a.issuedAt));
        if (a.expiresAt > type(uint48).max) {
            return (uid, abi.encodeWithSelector(TimestampOutOfRange.selector, a.expiresAt));
        }
        if (!_wellFormed(a)) return (uid, abi.encodeWithSelector(InvalidStatement.selector));
        uint48 maxV = maxValidity;
        if (a.expiresAt - a.issuedAt > maxV) {
            return (uid, abi.encodeWithSelector(ValidityTooLong.selector, a.expiresAt - a.issuedAt, maxV));
        }
        if (a.issuedAt > block.timestamp + MAX_CLOCK_SKEW) {
            return (uid, abi.encodeWithSelector(IssuedInFuture.selector, a.issuedAt));
        }
        if (a.expiresAt <= block.timestamp) return (uid, abi.encodeWithSelector(AttestationExpired.selector, a.expiresAt));
        uid = uidOf(a);
        if (!_isValidSignature(a.issuer, uid, issuerSignature)) {
            return (uid, abi.encodeWithSelector(InvalidIssuerSignature.selector));
        }
        if (!hasRole(ISSUER_ROLE, a.issuer)) return (uid, abi.encodeWithSelector(UnauthorizedIssuer.selector, a.issuer));
        uint48 from = suspendedFrom[a.issuer];
        // A suspended key mints nothing any more, whatever issuedAt it claims (a thief can backdate).
        if (from != 0) return (uid, abi.encodeWithSelector(IssuerSuspended.selector, a.issuer, from));
        if (msg.sender != a.recipient) {
            if (consentSignature.length == 0) {
                return (uid, abi.encodeWithSelector(ConsentRequired.selector, a.recipient));
            }
            if (!_isValidSignature(a.recipient, consentDigest(uid), consentSignature)) {
                return (uid, abi.encodeWithSelector(InvalidConsent.selector));
            }
        }
        StoredRecord storage r = records[uid];
        if (r.recipient != address(0)) return (uid, abi.encodeWithSelector(AlreadyMinted.selector, uid));
        if (_revokedAhead(r, uid, a.issuer)) {
            return (uid, abi.encodeWithSelector(AttestationRevoked.selector, uid));
        }
        bytes32 actual = keccak256(proof);
        if (actual != a.proofHash) return (uid, abi.encodeWithSelector(ProofHashMismatch.selector, a.proofHash, actual));
    }

    /// @dev Whether a revocation that counts for an attestation of `issuer` was recorded for the
    /// not yet minted `uid` (r is its record, whose second slot is the revocation summary).
    function _revokedAhead(StoredRecord storage r, bytes32 uid, address issuer) private view returns (bool) {
        address first = r.issuer;
        uint48 flags = r.expiresAt;
        if (first == address(0) && flags == 0) return false; // nothing recorded: the usual case
        return flags & AHEAD_ADMIN != 0 || first == issuer
            || (flags & AHEAD_MORE != 0 && revocations[uid][issuer]);
    }

    function _wellFormed(CreditAttestation calldata a) private pure returns (bool) {
        if (a.issuedAt >= a.expiresAt || a.recipient == address(0) || a.issuer == address(0)) return false;
        if (a.statementKind == STATEMENT_THRESHOLD) return a.hi == UNBOUNDED;
        return a.statementKind == STATEMENT_BAND && a.lo <= a.hi;
    }

    function _store(bytes32 uid, CreditAttestation calldata a) private {
        address recipient = a.recipient;
        uint48 issuedAt = uint48(a.issuedAt); // range-checked in _check
        StoredRecord storage r = records[uid];
        address firstRevoker = r.issuer; // the pre-mint summary, about to be overwritten
        if (firstRevoker != address(0)) revocations[uid][firstRevoker] = true;
        bytes32 previous = currentUid[recipient];
        uint48 balance = 1;
        bool becomesCurrent = true;
        if (previous != bytes32(0)) {
            StoredRecord storage p = records[previous];
            balance = p.holderBalance + 1; // checked: reverts rather than wrap at 2^48
            becomesCurrent = p.issuedAt <= issuedAt;
            if (!becomesCurrent) p.holderBalance = balance;
        }
        // Both slots of the StoredRecord, packed as Solidity lays it out (members from the low
        // bits up; revoked = false): one SSTORE each instead of one per member.
        uint256 first = uint256(uint160(recipient)) | uint256(a.lo) << 160 | uint256(a.hi) << 176
            | uint256(a.statementKind) << 192 | uint256(issuedAt) << 200;
        uint256 second = uint256(uint160(a.issuer)) | uint256(a.expiresAt) << 160
            | uint256(becomesCurrent ? balance : 0) << 208;
        assembly ("memory-safe") {
            sstore(r.slot, first)
            sstore(add(r.slot, 1), second)
        }
        if (becomesCurrent) {
            currentUid[recipient] = uid;
            emit CurrentChanged(recipient, previous, uid);
        }
        _emitMinted(uid, a);
        emit Transfer(address(0), recipient, uint256(uid));
        emit Locked(uint256(uid));
    }

    /// @dev emit Minted(uid, a.recipient, a.issuer, a), with the data written straight from calldata:
    /// the offset 0x20, the attestation's twelve head words as sent (every one was read, and so
    /// validated, by _check) with the commitment's offset set to its canonical 0x180, then the
    /// commitment, length-prefixed and zero-padded — exactly abi.encode(a).
    function _emitMinted(bytes32 uid, CreditAttestation calldata a) private {
        bytes32 topic = Minted.selector;
        address recipient = a.recipient;
        address issuer = a.issuer;
        bytes calldata commitment = a.commitment;
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, 0x20)
            calldatacopy(add(m, 32), a, 384)
            mstore(add(m, 128), 384)
            let len := commitment.length
            mstore(add(m, 416), len)
            let words := shl(5, shr(5, add(len, 31)))
            if words { mstore(add(m, add(416, words)), 0) }
            calldatacopy(add(m, 448), commitment.offset, len)
            log4(m, add(448, words), topic, uid, recipient, issuer)
        }
    }

    function _bubble(bytes memory err) private pure {
        assembly ("memory-safe") {
            revert(add(err, 32), mload(err))
        }
    }

    // ----------------------------------------------------------------------------- revocation

    /// @notice Records a portable revocation signed by `signer` (EOA or ERC-1271), on any registry,
    /// at any time, relayed by anyone — also before the attestation is minted here and before the
    /// signer holds ISSUER_ROLE here. It takes effect for an attestation only if `signer` is that
    /// attestation's issuer. Idempotent: a revocation already recorded changes nothing and emits
    /// nothing. A suspended key's revocations still count (revoking only removes trust).
    function revokeWithSignature(bytes32 uid, address signer, bytes calldata signature) external {
        if (signer == address(0) || signer == address(this)) revert ZeroAddress();
        if (!_isValidSignature(signer, revocationDigest(uid), signature)) revert InvalidRevocationSignature();
        StoredRecord storage r = records[uid];
        if (r.recipient == address(0)) _recordAhead(r, uid, signer);
        else _recordMinted(r, uid, signer, r.issuer == signer);
    }

    /// @notice Direct revocation on this registry by the attestation's issuer (minted here), or of
    /// any uid, minted or not, by an admin. Issuers should prefer the signed form, which every
    /// chain accepts (io.credence.attestations.RegistryClient#revoke signs and relays it).
    function revoke(bytes32 uid) external {
        StoredRecord storage r = records[uid];
        bool minted = r.recipient != address(0);
        if (hasRole(DEFAULT_ADMIN_ROLE, msg.sender)) {
            if (minted) _recordMinted(r, uid, address(this), true);
            else _recordAhead(r, uid, address(this));
            return;
        }
        if (!minted) revert UnknownAttestation(uid);
        if (msg.sender != r.issuer) revert NotIssuer(msg.sender);
        _recordMinted(r, uid, msg.sender, true);
    }

    /// @notice Whether a revocation of `uid` signed by `signer` is recorded here (address(this): by
    /// an admin). A record counts for an attestation only if its signer is that attestation's
    /// issuer (or the admin entry), so anyone may record any signed revocation without affecting
    /// anyone else's.
    function revokedBy(bytes32 uid, address signer) public view returns (bool) {
        if (revocations[uid][signer]) return true;
        StoredRecord storage r = records[uid];
        if (r.recipient != address(0) || signer == address(0)) return false;
        if (signer == address(this)) return r.expiresAt & AHEAD_ADMIN != 0;
        return r.issuer == signer;
    }

    /// @dev Records a revocation of a uid not minted here, in its record's summary slot.
    function _recordAhead(StoredRecord storage r, bytes32 uid, address by) private {
        if (by == address(this)) {
            if (r.expiresAt & AHEAD_ADMIN != 0) return;
            r.expiresAt |= AHEAD_ADMIN;
        } else if (r.issuer == address(0)) {
            r.issuer = by;
        } else {
            if (r.issuer == by || revocations[uid][by]) return;
            revocations[uid][by] = true;
            if (r.expiresAt & AHEAD_MORE == 0) r.expiresAt |= AHEAD_MORE;
        }
        emit Revoked(uid, by);
    }

    /// @dev Records a revocation of a minted uid; burns the token if it counts (`affectsRecord`).
    function _recordMinted(StoredRecord storage r, bytes32 uid, address by, bool affectsRecord) private {
        if (revocations[uid][by]) return;
        revocations[uid][by] = true;
        emit Revoked(uid, by);
        if (!affectsRecord || r.revoked) return;
        r.revoked = true;
        records[currentUid[r.recipient]].holderBalance -= 1; // the holder's current record (maybe r itself)
        emit Transfer(r.recipient, address(0), uint256(uid)); // burned (ERC-721)
    }

    // ----------------------------------------------------------------------------- issuer keys

    /// @notice Suspends an issuer key from `from` (unix seconds, > 0): every attestation it issued
    /// at or after `from` is invalid in every view, and it can mint nothing any more. A suspension
    /// can only be moved earlier (a compromised key stays compromised).
    function suspendIssuer(address issuer, uint48 from) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (issuer == address(0)) revert ZeroAddress();
        uint48 current = suspendedFrom[issuer];
        if (from == 0 || (current != 0 && from >= current)) revert InvalidSuspension();
        suspendedFrom[issuer] = from;
        emit IssuerKeySuspended(issuer, from);
    }

    /// @notice Changes the longest accepted validity for new mints (does not touch minted ones).
    function setMaxValidity(uint48 maxValidity_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (maxValidity_ == 0) revert InvalidSuspension();
        if (maxValidity_ == maxValidity) return;
        maxValidity = maxValidity_;
        emit MaxValidityChanged(maxValidity_);
    }

    /// @dev Taking ISSUER_ROLE away suspends the key from now (unless already suspended earlier), so
    /// role removal never leaves later attestations of that key valid.
    function _revokeRole(bytes32 role, address account) internal override returns (bool revoked) {
        revoked = super._revokeRole(role, account);
        if (revoked && role == ISSUER_ROLE) {
            uint48 current = suspendedFrom[account];
            uint48 now_ = uint48(block.timestamp);
            if (current == 0 || now_ < current) {
                suspendedFrom[account] = now_;
                emit IssuerKeySuspended(account, now_);
            }
        }
    }

    // ----------------------------------------------------------------------------- views

    /// @notice The stored record (revoked tokens included); reverts UnknownAttestation if never minted here.
    function getAttestation(bytes32 uid) external view returns (Record memory) {
        StoredRecord storage s = records[uid];
        if (s.recipient == address(0)) revert UnknownAttestation(uid);
        return Record(s.recipient, s.lo, s.hi, s.statementKind, s.issuedAt, s.revoked, s.issuer, s.expiresAt);
    }

    /// @notice True when the attestation is minted here, not revoked, not expired, and its issuer
    /// key is not suspended from a time at or before its issuedAt.
    function isValid(bytes32 uid) public view returns (bool) {
        StoredRecord storage r = records[uid];
        if (r.recipient == address(0) || r.revoked || r.expiresAt <= block.timestamp) return false;
        uint48 from = suspendedFrom[r.issuer];
        return from == 0 || r.issuedAt < from;
    }

    /// @notice The holder's current attestation (see ICreditRegistry), valid or not; 0 if none.
    function currentOf(address holder) external view returns (bytes32) {
        return currentUid[holder];
    }

    /// @inheritdoc ICreditRegistry
    function bandOf(address holder) external view returns (uint16 lo, uint16 hi, uint64 expiresAt, bool valid) {
        bytes32 uid = currentUid[holder];
        if (uid == bytes32(0) || !isValid(uid)) return (0, 0, 0, false);
        StoredRecord storage r = records[uid];
        return (r.lo, r.hi, r.expiresAt, true);
    }

    /// @inheritdoc ICreditRegistry
    function meetsThreshold(address holder, uint16 t) external view returns (bool) {
        bytes32 uid = currentUid[holder];
        return uid != bytes32(0) && isValid(uid) && records[uid].lo >= t;
    }

    // ----------------------------------------------------------------------------- soulbound ERC-721 surface

    /// @notice ERC-721 metadata: the collection name.
    function name() external pure returns (string memory) {
        return "Credence Credit Attestation";
    }

    /// @notice ERC-721 metadata: the collection symbol.
    function symbol() external pure returns (string memory) {
        return "CREDIT";
    }

    /// @notice ERC-721 metadata: no off-chain metadata; always "" for an existing token.
    function tokenURI(uint256 tokenId) external view returns (string memory) {
        _requireOwned(tokenId);
        return "";
    }

    /// @notice ERC-721: number of unburned (not revoked) attestations minted here to `owner`,
    /// expired or suspended ones included (they do not move; isValid tells).
    function balanceOf(address owner) external view returns (uint256) {
        if (owner == address(0)) revert ZeroAddress();
        bytes32 uid = currentUid[owner];
        return uid == bytes32(0) ? 0 : records[uid].holderBalance;
    }

    /// @notice ERC-721: the recipient; reverts UnknownAttestation for a never-minted or revoked (burned) token.
    function ownerOf(uint256 tokenId) external view returns (address) {
        return _requireOwned(tokenId);
    }

    /// @notice ERC-5192: every existing attestation is locked to its recipient.
    function locked(uint256 tokenId) external view returns (bool) {
        _requireOwned(tokenId);
        return true;
    }

    function _requireOwned(uint256 tokenId) private view returns (address owner) {
        StoredRecord storage r = records[bytes32(tokenId)];
        owner = r.recipient;
        if (owner == address(0) || r.revoked) revert UnknownAttestation(bytes32(tokenId));
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

    function getApproved(uint256 tokenId) external view returns (address) {
        _requireOwned(tokenId);
        return address(0);
    }

    function isApprovedForAll(address, address) external pure returns (bool) {
        return false;
    }

    /// @notice ERC-165: ERC-721 (0x80ac58cd), ERC-721 metadata (0x5b5e139f), ERC-5192 (0xb45a3c0e),
    /// ICreditRegistry, AccessControl and ERC-165 itself.
    function supportsInterface(bytes4 interfaceId) public view override returns (bool) {
        return interfaceId == 0x80ac58cd || interfaceId == 0x5b5e139f || interfaceId == 0xb45a3c0e
            || interfaceId == type(ICreditRegistry).interfaceId || super.supportsInterface(interfaceId);
    }
}
