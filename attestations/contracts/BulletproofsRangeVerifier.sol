// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.24;

import {IRangeProofVerifier} from "./interfaces/IRangeProofVerifier.sol";
import {BulletproofGenerators} from "generated/BulletproofGenerators.sol";

/// @title On-chain verifier of the zk module's aggregated Bulletproofs range proofs (BN254), one at a
/// time or many in one multi-scalar multiplication
/// @notice Mirrors io.credence.zk.ScoreVerifier: the same strict decoding, the same keccak-256
/// transcript and the same single multi-scalar-multiplication check, computed with the EVM
/// precompiles ecAdd (0x06) and ecMul (0x07).
/// @dev Java combines the t(x) check and the inner-product check with a private random weight c.
/// A contract has no private randomness, so here c is derived by hashing the final transcript
/// state together with the IPA scalars a and b (everything the prover sent): a random oracle over
/// the whole proof, so an invalid proof passes only with probability about 1/r, exactly as in Java.
/// The generator table (H, G_0..G_127, H_0..H_127: 16 KiB) is too large to live in this contract's
/// code next to the verifier, so the constructor deploys it as a data-only contract (its code starts
/// with STOP) and verification copies the n*m generators it needs with EXTCODECOPY.
contract BulletproofsRangeVerifier is IRangeProofVerifier {
    /// @notice Data contract holding 0x00 || H || G_0..G_(MAX_NM-1) || H_0..H_(MAX_NM-1).
    address public immutable generatorTable;

    constructor() {
        bytes memory code = abi.encodePacked(hex"00", BulletproofGenerators.TABLE);
        // PUSH4 len, DUP1, PUSH1 14, PUSH1 0, CODECOPY, PUSH1 0, RETURN, then the code itself.
        bytes memory init = abi.encodePacked(hex"63", uint32(code.length), hex"80600e6000396000f3", code);
        address table;
        assembly ("memory-safe") {
            table := create(0, add(init, 32), mload(init))
        }
        require(table != address(0), "generator table deployment failed");
        generatorTable = table;
    }

    uint256 internal constant P = 21888242871839275222246405745257275088696311157297823662689037894645226208583;
    uint256 internal constant R = 21888242871839275222246405745257275088548364400416034343698204186575808495617;

    /// Same names and order as io.credence.zk.ProofVerificationException.Reason.
    enum Reason {
        WRONG_LENGTH,
        ROUND_COUNT_MISMATCH,
        NON_CANONICAL_POINT,
        POINT_NOT_ON_CURVE,
        IDENTITY_POINT,
        SCALAR_OUT_OF_RANGE,
        UNSUPPORTED_PARAMETERS,
        ZERO_CHALLENGE,
        EQUATION_FAILED
    }

    error InvalidProof(Reason reason);

    /// The highest Credence score (io.credence.zk.Statement#MAX_SCORE): a threshold's n covers the
    /// scores from t up to it.
    uint64 internal constant MAX_SCORE = 850;
    /// ABI lengths (576 + 128 * rounds) of one-value proofs with n = 8 (three rounds) and n = 16 (four).
    uint256 private constant PROOF_LENGTH_N8 = 960;
    uint256 private constant PROOF_LENGTH_N16 = 1088;

    /// bytes4(keccak256("InvalidProof(uint8)")), for reverts from assembly.
    uint256 private constant INVALID_PROOF_SELECTOR = 0xf7f9ec62;

    // A prepared proof is ITEM_WORDS words of a flat memory array: its challenges (from the
    // transcript), statement and derived commitments. The proof itself stays in calldata: decoding
    // validates it in place (pass 1) and the MSM reads its points from there (pass 2).
    //   0 y  1 z  2 x  3 w  4 c  5 n  6 m  7 rounds  8 calldata offset of the proof
    //   9,10 V  11,12 V_0  13,14 V_1 (band)  15 lo  16 hi  17 statement kind  18.. u_1..u_rounds
    //   25 y^-1  26.. u_1^-1..u_rounds^-1 (one inversion for all proofs: _invertChallenges)
    uint256 private constant ITEM_WORDS = 33;

    /// The running multi-scalar multiplication: per-proof points are added to `buf` as they come;
    /// the coefficients of the shared bases (G, H, G_k, H_k) are summed and multiplied once at the end.
    struct Msm {
        uint256[5] buf; // acc.x, acc.y, p.x, p.y, scalar (the precompile input, reused)
        uint256 g; // coefficient of G
        uint256 h; // coefficient of H
        uint256[] gc; // coefficients of G_0..G_(maxNm-1)
        uint256[] hc; // coefficients of H_0..H_(maxNm-1)
        uint256[] sv; // scratch: one proof's s_i
        uint256[] tmp; // scratch: u_k^2 at [16, 24)
    }

    /// @inheritdoc IRangeProofVerifier
    function verifyRange(
        bytes32 transcriptState,
        bytes calldata commitment,
        uint8 statementKind,
        uint64 lo,
        uint64 hi,
        bytes calldata context,
        bytes calldata proof
    ) external view {
        uint256[] memory items = new uint256[](ITEM_WORDS);
        uint256 it = _itemAt(items, 0);
        uint256 nm = _prepare(it, transcriptState, _newPrefixMemo(), commitment, statementKind, lo, hi, context, proof);
        _invertChallenges(items, 1);
        Msm memory msm = _newMsm(nm);
        _accumulate(msm, it, 1);
        _finish(msm);
    }

    /// @inheritdoc IRangeProofVerifier
    function verifyBatch(bytes32 transcriptState, RangeClaim[] calldata claims) external view {
        unchecked {
            uint256 count = claims.length;
            if (count == 0) revert InvalidProof(Reason.UNSUPPORTED_PARAMETERS);
            uint256[] memory items = new uint256[](ITEM_WORDS * count);
            uint256[] memory weights = new uint256[](count);
            uint256 maxNm;
            uint256 memo = _newPrefixMemo(); // every claim starts from transcriptState: share the prefix
            for (uint256 i = 0; i < count; i++) {
                RangeClaim calldata c = claims[i];
                uint256 it = _itemAt(items, i);
                uint256 free = _freeMemory();
                uint256 nm =
                    _prepare(it, transcriptState, memo, c.commitment, c.statementKind, c.lo, c.hi, c.context, c.proof);
                _releaseMemory(free); // everything _prepare allocated is copied into the item
                weights[i] = items[i * ITEM_WORDS + 4]; // c: a hash of the proof's whole transcript and of a, b
                if (nm > maxNm) maxNm = nm;
            }
            // Batch weights: rho_0 = 1, rho_i = H(seed || i) for i > 0, where the seed hashes every
            // proof's c (so no weight is known before all proofs are fixed).
            bytes32 seed = keccak256(abi.encodePacked("credence/evm-batch-weight/v1", weights));
            _invertChallenges(items, count);
            Msm memory msm = _newMsm(maxNm);
            for (uint256 i = 0; i < count; i++) {
                uint256 rho = 1;
                if (i > 0) {
                    assembly ("memory-safe") {
                        mstore(0, seed) // keccak256(seed || u256(i)) in scratch space, no allocation
                        mstore(32, i)
                        rho := mod(keccak256(0, 64), R)
                    }
                    if (rho == 0) revert InvalidProof(Reason.ZERO_CHALLENGE);
                }
                uint256 free = _freeMemory();
                _accumulate(msm, _itemAt(items, i), rho);
                _releaseMemory(free); // _accumulate keeps nothing it allocates
            }
            _finish(msm);
        }
    }

    /// @dev Memory is never freed by Solidity; per-proof temporaries are, so a batch's memory (and
    /// its quadratic expansion cost) does not grow with every proof's scratch values.
    function _freeMemory() private pure returns (uint256 free) {
        assembly ("memory-safe") {
            free := mload(0x40)
        }
    }

    function _releaseMemory(uint256 free) private pure {
        assembly ("memory-safe") {
            mstore(0x40, free)
        }
    }

    /// @dev Two words: (n << 8 | m) and the transcript state after the protocol's dom-sep, n and m
    /// appends for that (n, m), which depends on nothing else once the starting state is fixed.
    function _newPrefixMemo() private pure returns (uint256 memo) {
        uint256[] memory words = new uint256[](2);
        assembly ("memory-safe") {
            memo := add(words, 32)
        }
    }

    function _itemAt(uint256[] memory items, uint256 index) private pure returns (uint256 it) {
        assembly ("memory-safe") {
            it := add(add(items, 32), mul(index, mul(ITEM_WORDS, 32)))
        }
    }

    function _newMsm(uint256 maxNm) private pure returns (Msm memory msm) {
        msm.gc = new uint256[](maxNm);
        msm.hc = new uint256[](maxNm);
        msm.sv = new uint256[](maxNm);
        msm.tmp = new uint256[](24);
    }

    // ------------------------------------------------------------------ pass 1: decode, transcript

    /// @dev Checks the commitment and statement (-> n, derived commitments, as io.credence.zk.Statement
    /// and ScoreStatements), validates the proof encoding in calldata and replays the transcript.
    function _prepare(
        uint256 it,
        bytes32 transcriptState,
        uint256 memo,
        bytes calldata commitment,
        uint8 statementKind,
        uint64 lo,
        uint64 hi,
        bytes calldata context,
        bytes calldata proof
    ) private view returns (uint256 nm) {
        unchecked {
            if (commitment.length != 64) revert InvalidProof(Reason.WRONG_LENGTH);
            _checkPoint(commitment);
            uint256 n;
            uint256 m;
            if (statementKind == 1) {
                n = _thresholdBits(lo, proof.length);
                m = 1;
            } else if (statementKind == 2 && lo <= hi) {
                n = _bitsCovering(hi - lo);
                m = 2;
            } else {
                revert InvalidProof(Reason.UNSUPPORTED_PARAMETERS);
            }
            nm = n * m;
            if (nm > BulletproofGenerators.MAX_NM) revert InvalidProof(Reason.UNSUPPORTED_PARAMETERS);
            uint256 rounds = _log2(nm);
            _checkEncoding(proof, rounds);
            assembly ("memory-safe") {
                mstore(add(it, 160), n)
                mstore(add(it, 192), m)
                mstore(add(it, 224), rounds)
                mstore(add(it, 256), proof.offset)
                mstore(add(it, 480), lo)
                mstore(add(it, 512), hi)
                mstore(add(it, 544), statementKind)
            }
            _derive(it, commitment);
            _transcript(it, transcriptState, memo, context);
        }
    }

    /// @dev The commitment V (64 bytes x || y in calldata) must be a canonical, non-identity
    /// curve point.
    function _checkPoint(bytes calldata commitment) private pure {
        assembly ("memory-safe") {
            let at := commitment.offset
            function fail(reason) {
                mstore(0, shl(224, INVALID_PROOF_SELECTOR))
                mstore(4, reason)
                revert(0, 36)
            }
            let x := calldataload(at)
            let y := calldataload(add(at, 32))
            if or(iszero(lt(x, P)), iszero(lt(y, P))) { fail(2) } // NON_CANONICAL_POINT
            if iszero(or(x, y)) { fail(4) } // IDENTITY_POINT
            if iszero(eq(mulmod(y, y, P), addmod(mulmod(mulmod(x, x, P), x, P), 3, P))) { fail(3) }
        }
    }

    /// @dev Writes V and the derived commitments into the item: V_0 = V - lo*G, and for a band
    /// V_1 = hi*G - V. s*G is a sum of table points instead of an ecMul: d*16^w*G for each non-zero
    /// hex digit d of the low 16 bits (at most 4 ecAdds for any Credence bound), then 2^i*G for each
    /// set bit i >= 16; the identity (0, 0) for s = 0, as ecMul would give. The group has prime
    /// order, so no point but the identity has y = 0 and -(x, y) = (x, p - y).
    function _derive(uint256 it, bytes calldata commitment) private view {
        address table = generatorTable;
        uint256 first = 1 + (1 + 2 * BulletproofGenerators.MAX_NM) * 64; // 2^0*G, after the 0x00 byte
        assembly ("memory-safe") {
            function mulG(tbl, at, s, m) -> x, y {
                mstore(m, 0)
                mstore(add(m, 32), 0)
                // The low 16 bits one hex digit at a time (d*16^w*G after the 64 powers of two)...
                let digits := add(at, 4096)
                for { let w := 0 } lt(w, 4) { w := add(w, 1) } {
                    let d := and(shr(shl(2, w), s), 15)
                    if d {
                        extcodecopy(tbl, add(m, 64), add(digits, mul(add(mul(w, 15), sub(d, 1)), 64)), 64)
                        if iszero(staticcall(gas(), 0x06, m, 128, m, 64)) { revert(0, 0) }
                    }
                }
                // ...the rest one set bit at a time (2^i*G).
                at := add(at, 1024)
                for { let bits := shr(16, s) } bits { bits := shr(1, bits) } {
                    if and(bits, 1) {
                        extcodecopy(tbl, add(m, 64), at, 64)
                        if iszero(staticcall(gas(), 0x06, m, 128, m, 64)) { revert(0, 0) }
                    }
                    at := add(at, 64)
                }
                x := mload(m)
                y := mload(add(m, 32))
            }
            function addPoints(m, x1, y1, x2, y2) -> x, y {
                mstore(m, x1)
                mstore(add(m, 32), y1)
                mstore(add(m, 64), x2)
                mstore(add(m, 96), y2)
                if iszero(staticcall(gas(), 0x06, m, 128, m, 64)) { revert(0, 0) }
                x := mload(m)
                y := mload(add(m, 32))
            }
            function neg(y) -> r {
                r := y
                if y { r := sub(P, y) }
            }
            let m := mload(0x40)
            let vx := calldataload(commitment.offset)
            let vy := calldataload(add(commitment.offset, 32))
            mstore(add(it, 288), vx)
            mstore(add(it, 320), vy)
            let gx, gy := mulG(table, first, mload(add(it, 480)), m)
            let x0, y0 := addPoints(m, vx, vy, gx, neg(gy))
            mstore(add(it, 352), x0)
            mstore(add(it, 384), y0)
            if eq(mload(add(it, 192)), 2) {
                let hx, hy := mulG(table, first, mload(add(it, 512)), m)
                let x1, y1 := addPoints(m, vx, neg(vy), hx, hy)
                mstore(add(it, 416), x1)
                mstore(add(it, 448), y1)
            }
        }
    }

    /// @dev Strict decoding of RangeProof.toAbiBytes() in place: exact length, exact head offsets and
    /// array lengths, every point a canonical non-identity curve point, every scalar < r, and
    /// log2(n*m) rounds. Layout: head word 32; A, S, T1, T2 at 32, 96, 160, 224; t_x, tau_x, mu at
    /// 288, 320, 352; offsets of L and R at 384, 416; a, b at 448, 480; L (length, points) at 512;
    /// R (length, points) after it.
    function _checkEncoding(bytes calldata b, uint256 rounds) private pure {
        assembly ("memory-safe") {
            function fail(reason) {
                mstore(0, shl(224, INVALID_PROOF_SELECTOR))
                mstore(4, reason)
                revert(0, 36)
            }
            function point(ptr) {
                let x := calldataload(ptr)
                let y := calldataload(add(ptr, 32))
                if or(iszero(lt(x, P)), iszero(lt(y, P))) { fail(2) } // NON_CANONICAL_POINT
                if iszero(or(x, y)) { fail(4) } // IDENTITY_POINT
                if iszero(eq(mulmod(y, y, P), addmod(mulmod(mulmod(x, x, P), x, P), 3, P))) { fail(3) }
            }
            function scalar(ptr) {
                if iszero(lt(calldataload(ptr), R)) { fail(5) } // SCALAR_OUT_OF_RANGE
            }
            let o := b.offset
            let len := b.length
            if lt(len, 576) { fail(0) }
            if mod(sub(len, 576), 128) { fail(0) }
            let k := div(sub(len, 576), 128)
            if gt(k, 12) { fail(1) }
            let offR := add(512, mul(64, k))
            if iszero(
                and(
                    and(eq(calldataload(o), 32), eq(calldataload(add(o, 384)), 480)),
                    and(
                        eq(calldataload(add(o, 416)), offR),
                        and(eq(calldataload(add(o, 512)), k), eq(calldataload(add(o, add(32, offR))), k))
                    )
                )
            ) { fail(0) }
            // Fast path: all values at once, one branch; only a bad proof takes the checks in
            // decoding order, which name its first problem exactly as Java does.
            function pointOk(ptr) -> ok {
                let x := calldataload(ptr)
                let y := calldataload(add(ptr, 32))
                ok := and(
                    and(lt(x, P), lt(y, P)),
                    and(gt(or(x, y), 0), eq(mulmod(y, y, P), addmod(mulmod(mulmod(x, x, P), x, P), 3, P)))
                )
            }
            let ok := and(
                and(and(pointOk(add(o, 32)), pointOk(add(o, 96))), and(pointOk(add(o, 160)), pointOk(add(o, 224)))),
                and(
                    and(lt(calldataload(add(o, 288)), R), lt(calldataload(add(o, 320)), R)),
                    and(lt(calldataload(add(o, 352)), R), and(lt(calldataload(add(o, 448)), R), lt(calldataload(add(o, 480)), R)))
                )
            )
            for { let r := 0 } lt(r, k) { r := add(r, 1) } {
                ok := and(ok, and(pointOk(add(o, add(544, mul(64, r)))), pointOk(add(o, add(add(64, offR), mul(64, r))))))
            }
            if iszero(ok) {
                point(add(o, 32))
                point(add(o, 96))
                point(add(o, 160))
                point(add(o, 224))
                scalar(add(o, 288))
                scalar(add(o, 320))
                scalar(add(o, 352))
                scalar(add(o, 448))
                scalar(add(o, 480))
                for { let r := 0 } lt(r, k) { r := add(r, 1) } {
                    point(add(o, add(544, mul(64, r))))
                    point(add(o, add(add(64, offR), mul(64, r))))
                }
            }
            if iszero(eq(k, rounds)) { fail(1) } // ROUND_COUNT_MISMATCH
        }
    }

    /// @dev Replays the transcript of io.credence.zk.Transcript in scratch memory (no allocation):
    ///   append:    state = keccak256(state || 0x01 || u32(len(label)) || label || u32(len(msg)) || msg)
    ///   challenge: state = keccak256(state || 0x02 || u32(len(label)) || label); c = state mod r, != 0
    /// and stores y, z, x, w, u_k and the weight
    ///   c = keccak256(state || "credence/evm-verifier-weight/v1" || a || b) mod r.
    function _transcript(uint256 it, bytes32 state, uint256 memo, bytes calldata context) private pure {
        assembly ("memory-safe") {
            function fail(reason) {
                mstore(0, shl(224, INVALID_PROOF_SELECTOR))
                mstore(4, reason)
                revert(0, 36)
            }
            function head(m, st, lb, ll) -> q {
                mstore(m, st)
                mstore8(add(m, 32), 1)
                mstore(add(m, 33), shl(224, ll))
                mstore(add(m, 37), lb)
                q := add(add(m, 37), ll)
            }
            // 0x01 || u32(ll) || label || u32(len), left-aligned (9 + ll <= 32 bytes): what an
            // append puts between the state and a message of len bytes. One word, so an append
            // is four stores instead of seven.
            function prefix(lb, ll, len) -> w {
                w := or(or(shl(248, 1), shl(216, ll)), or(shr(40, lb), shl(mul(8, sub(23, ll)), len)))
            }
            // A point under a one-byte label: 32 + 10 + 64 bytes.
            function appendPt(st, lb, x, y) -> r {
                let m := mload(0x40)
                mstore(m, st)
                mstore(add(m, 32), prefix(lb, 1, 64))
                mstore(add(m, 42), x)
                mstore(add(m, 74), y)
                r := keccak256(m, 106)
            }
            function appendCd(st, lb, ptr) -> r {
                r := appendPt(st, lb, calldataload(ptr), calldataload(add(ptr, 32)))
            }
            // A point from calldata under a two-byte label: 32 + 11 + 64 bytes.
            function appendCd2(st, lb, ptr) -> r {
                let m := mload(0x40)
                mstore(m, st)
                mstore(add(m, 32), prefix(lb, 2, 64))
                mstore(add(m, 43), calldataload(ptr))
                mstore(add(m, 75), calldataload(add(ptr, 32)))
                r := keccak256(m, 107)
            }
            function appendWord(st, lb, ll, w) -> r {
                let m := mload(0x40)
                mstore(m, st)
                mstore(add(m, 32), prefix(lb, ll, 32))
                mstore(add(m, add(41, ll)), w)
                r := keccak256(m, add(73, ll))
            }
            function appendU64(st, lb, v) -> r {
                let m := mload(0x40)
                mstore(m, st)
                mstore(add(m, 32), prefix(lb, 1, 8))
                mstore(add(m, 42), shl(192, v))
                r := keccak256(m, 50)
            }
            function challenge(st, lb) -> next, c {
                let m := mload(0x40)
                mstore(m, st)
                mstore(add(m, 32), or(or(shl(248, 2), shl(216, 1)), shr(40, lb))) // 0x02 || u32(1) || label
                next := keccak256(m, 38)
                c := mod(next, R)
                if iszero(c) { fail(7) } // ZERO_CHALLENGE
            }
            let m := mload(0x40)
            let st := state
            let key := or(shl(8, mload(add(it, 160))), mload(add(it, 192))) // never 0: n >= 8
            switch eq(mload(memo), key)
            case 1 { st := mload(add(memo, 32)) }
            default {
                {
                    let q := head(m, st, "dom-sep", 7)
                    mstore(q, shl(224, 30))
                    mstore(add(q, 4), "credence/bulletproofs-range/v1")
                    st := keccak256(m, sub(add(q, 34), m))
                }
                st := appendU64(st, "n", mload(add(it, 160)))
                st := appendU64(st, "m", mload(add(it, 192)))
                mstore(memo, key)
                mstore(add(memo, 32), st)
            }
            mstore(m, st)
            switch mload(add(it, 544))
            case 1 {
                mstore(add(m, 32), prefix("statement", 9, 9)) // 1 || u64(lo)
                mstore8(add(m, 50), 1)
                mstore(add(m, 51), shl(192, mload(add(it, 480))))
                st := keccak256(m, 59)
            }
            default {
                mstore(add(m, 32), prefix("statement", 9, 17)) // 2 || u64(lo) || u64(hi)
                mstore8(add(m, 50), 2)
                mstore(add(m, 51), shl(192, mload(add(it, 480))))
                mstore(add(m, 59), shl(192, mload(add(it, 512))))
                st := keccak256(m, 67)
            }
            st := appendPt(st, "V", mload(add(it, 352)), mload(add(it, 384)))
            if eq(mload(add(it, 192)), 2) { st := appendPt(st, "V", mload(add(it, 416)), mload(add(it, 448))) }
            mstore(m, st)
            mstore(add(m, 32), prefix("context", 7, context.length))
            calldatacopy(add(m, 48), context.offset, context.length)
            st := keccak256(m, add(48, context.length))
            let p := mload(add(it, 256))
            let c
            st := appendCd(st, "A", add(p, 32))
            st := appendCd(st, "S", add(p, 96))
            st, c := challenge(st, "y")
            mstore(it, c)
            st, c := challenge(st, "z")
            mstore(add(it, 32), c)
            st := appendCd2(st, "T1", add(p, 160))
            st := appendCd2(st, "T2", add(p, 224))
            st, c := challenge(st, "x")
            mstore(add(it, 64), c)
            st := appendWord(st, "t_x", 3, calldataload(add(p, 288)))
            st := appendWord(st, "tau_x", 5, calldataload(add(p, 320)))
            st := appendWord(st, "mu", 2, calldataload(add(p, 352)))
            st, c := challenge(st, "w")
            mstore(add(it, 96), c)
            let k := mload(add(it, 224))
            let rBase := add(p, add(576, mul(64, k)))
            for { let r := 0 } lt(r, k) { r := add(r, 1) } {
                st := appendCd(st, "L", add(p, add(544, mul(64, r))))
                st := appendCd(st, "R", add(rBase, mul(64, r)))
                st, c := challenge(st, "u")
                mstore(add(it, mul(add(18, r), 32)), c)
            }
            mstore(m, st)
            mstore(add(m, 32), "credence/evm-verifier-weight/v1")
            mstore(add(m, 63), calldataload(add(p, 448)))
            mstore(add(m, 95), calldataload(add(p, 480)))
            c := mod(keccak256(m, 127), R)
            if iszero(c) { fail(7) }
            mstore(add(it, 128), c)
        }
    }

    // ------------------------------------------------------------------ pass 2: the verification equation

    /// @dev Adds rho times this proof's check to the MSM. The check (notation of docs/zk-protocol.md):
    ///   G_k: -z - a*s_k           H_k: z + y^-k * (z^(2+j) * 2^(k mod n) - b * s_(nm-1-k))
    ///   G:   w*(t_x - a*b) + c*(t_x - delta)      H: -mu + c*tau_x
    ///   A: 1   S: x   T1: -c*x   T2: -c*x^2   V_j: -c*z^(2+j)   L_k: u_k^2   R_k: u_k^-2
    /// For a band, V_0 = V - lo*G and V_1 = hi*G - V, so the two V terms fold into
    /// (c*z^3 - c*z^2)*V plus (c*z^2*lo - c*z^3*hi)*G: one ecMul instead of two.
    function _accumulate(Msm memory msm, uint256 it, uint256 rho) private view {
        uint256[] memory tmp = msm.tmp;
        _squares(it, tmp);
        _sVector(it, tmp, msm.sv);
        (uint256 gAdd, uint256 hAdd) = _pointTerms(msm.buf, it, tmp, rho);
        msm.g = addmod(msm.g, gAdd, R);
        msm.h = addmod(msm.h, hAdd, R);
        uint256 z;
        uint256 yInv;
        uint256 a;
        uint256 b;
        uint256 n;
        uint256 m;
        assembly ("memory-safe") {
            let p := mload(add(it, 256))
            z := mload(add(it, 32))
            yInv := mload(add(it, 800)) // word 25
            a := calldataload(add(p, 448))
            b := calldataload(add(p, 480))
            n := mload(add(it, 160))
            m := mload(add(it, 192))
        }
        _addGeneratorCoefficients(msm, msm.sv, [n, m, z, yInv, mulmod(rho, a, R), b, rho, mulmod(rho, z, R)]);
    }

    /// @dev Stores 1/y and 1/u_k into every item (words 25 and 26..) with one modexp for the whole
    /// batch (Montgomery's trick: the prefix products go into the inverse words first, then a
    /// backward pass turns them into the inverses). Every challenge is non-zero (_transcript).
    function _invertChallenges(uint256[] memory items, uint256 count) private view {
        uint256 acc = 1;
        uint256 first;
        uint256 end;
        assembly ("memory-safe") {
            first := add(items, 32)
            end := add(first, mul(count, mul(ITEM_WORDS, 32)))
            for { let it := first } lt(it, end) { it := add(it, mul(ITEM_WORDS, 32)) } {
                mstore(add(it, 800), acc) // word 25: the product before y
                acc := mulmod(acc, mload(it), R)
                let k := mload(add(it, 224))
                for { let j := 0 } lt(j, k) { j := add(j, 1) } {
                    mstore(add(it, add(832, shl(5, j))), acc) // word 26 + j: the product before u_(j+1)
                    acc := mulmod(acc, mload(add(it, add(576, shl(5, j)))), R)
                }
            }
        }
        uint256 inv = _inv(acc);
        assembly ("memory-safe") {
            for { let i := count } i {} {
                i := sub(i, 1)
                let it := add(first, mul(i, mul(ITEM_WORDS, 32)))
                let k := mload(add(it, 224))
                for { let j := k } j {} {
                    j := sub(j, 1)
                    let at := add(it, add(832, shl(5, j)))
                    let before := mload(at)
                    mstore(at, mulmod(inv, before, R))
                    inv := mulmod(inv, mload(add(it, add(576, shl(5, j)))), R)
                }
                let before := mload(add(it, 800))
                mstore(add(it, 800), mulmod(inv, before, R))
                inv := mulmod(inv, mload(it), R)
            }
        }
    }

    /// @dev tmp[16 + j] = u_(j+1)^2.
    function _squares(uint256 it, uint256[] memory tmp) private pure {
        assembly ("memory-safe") {
            let t := add(tmp, 32)
            let k := mload(add(it, 224))
            for { let j := 0 } lt(j, k) { j := add(j, 1) } {
                let u := mload(add(it, mul(add(18, j), 32)))
                mstore(add(t, mul(add(16, j), 32)), mulmod(u, u, R))
            }
        }
    }

    /// @dev s_i = prod_k u_k^(+-1), + when bit (rounds-1-k) of i is set: s_0 = prod u_k^-1, and
    /// s_i = s_(i - 2^l) * u_(rounds-l)^2 for 2^l <= i < 2^(l+1).
    function _sVector(uint256 it, uint256[] memory tmp, uint256[] memory sv) private pure {
        assembly ("memory-safe") {
            let t := add(tmp, 32)
            let svp := add(sv, 32)
            let k := mload(add(it, 224))
            let all := 1
            for { let j := 0 } lt(j, k) { j := add(j, 1) } { all := mulmod(all, mload(add(it, mul(add(26, j), 32))), R) }
            mstore(svp, all)
            for { let l := 0 } lt(l, k) { l := add(l, 1) } {
                let half := shl(l, 1)
                let f := mload(add(t, mul(add(16, sub(sub(k, 1), l)), 32)))
                for { let i := half } lt(i, shl(1, half)) { i := add(i, 1) } {
                    mstore(add(svp, mul(i, 32)), mulmod(mload(add(svp, mul(sub(i, half), 32))), f, R))
                }
            }
        }
    }

    /// @dev Adds the proof's own points (A, S, T1, T2, V, L_k, R_k), weighted, to buf; returns what it
    /// adds to the coefficients of G and H.
    function _pointTerms(uint256[5] memory buf, uint256 it, uint256[] memory tmp, uint256 rho)
        private
        view
        returns (uint256 gAdd, uint256 hAdd)
    {
        uint256 delta = _delta(it);
        assembly ("memory-safe") {
            function acc(bf, px, py, s) {
                mstore(add(bf, 64), px)
                mstore(add(bf, 96), py)
                mstore(add(bf, 128), s)
                if iszero(staticcall(gas(), 0x07, add(bf, 64), 96, add(bf, 64), 64)) { revert(0, 0) }
                if iszero(staticcall(gas(), 0x06, bf, 128, bf, 64)) { revert(0, 0) }
            }
            function accCd(bf, ptr, s) { acc(bf, calldataload(ptr), calldataload(add(ptr, 32)), s) }
            let p := mload(add(it, 256))
            let x := mload(add(it, 64))
            let c := mload(add(it, 128))
            switch eq(rho, 1)
            case 1 {
                mstore(add(buf, 64), calldataload(add(p, 32)))
                mstore(add(buf, 96), calldataload(add(p, 64)))
                if iszero(staticcall(gas(), 0x06, buf, 128, buf, 64)) { revert(0, 0) }
            }
            default { accCd(buf, add(p, 32), rho) }
            accCd(buf, add(p, 96), mulmod(rho, x, R))
            let rc := mulmod(rho, c, R)
            let rcx := mulmod(rc, x, R)
            accCd(buf, add(p, 160), sub(R, rcx))
            accCd(buf, add(p, 224), sub(R, mulmod(rcx, x, R)))
            let z := mload(add(it, 32))
            let cz2 := mulmod(rc, mulmod(z, z, R), R)
            let gFold := 0
            switch mload(add(it, 192))
            case 1 { acc(buf, mload(add(it, 352)), mload(add(it, 384)), sub(R, cz2)) }
            default {
                let cz3 := mulmod(cz2, z, R)
                acc(buf, mload(add(it, 288)), mload(add(it, 320)), addmod(cz3, sub(R, cz2), R))
                gFold := addmod(mulmod(cz2, mload(add(it, 480)), R), sub(R, mulmod(cz3, mload(add(it, 512)), R)), R)
            }
            {
                let t := add(tmp, 32)
                let k := mload(add(it, 224))
                let rBase := add(p, add(576, mul(64, k)))
                for { let j := 0 } lt(j, k) { j := add(j, 1) } {
                    accCd(buf, add(p, add(544, mul(64, j))), mulmod(rho, mload(add(t, mul(add(16, j), 32))), R))
                    let ui := mload(add(it, mul(add(26, j), 32)))
                    accCd(buf, add(rBase, mul(64, j)), mulmod(rho, mulmod(ui, ui, R), R))
                }
            }
            {
                let tX := calldataload(add(p, 288))
                let ab := mulmod(calldataload(add(p, 448)), calldataload(add(p, 480)), R)
                let gb := addmod(
                    mulmod(mload(add(it, 96)), addmod(tX, sub(R, ab), R), R), mulmod(c, addmod(tX, sub(R, delta), R), R), R
                )
                gAdd := addmod(mulmod(rho, gb, R), gFold, R)
                hAdd := mulmod(rho, addmod(sub(R, calldataload(add(p, 352))), mulmod(c, calldataload(add(p, 320)), R), R), R)
            }
        }
    }

    /// @dev delta = (z - z^2) * sum_{i<nm} y^i - sum_j z^(3+j) * (2^n - 1); nm is a power of two.
    function _delta(uint256 it) private pure returns (uint256 delta) {
        assembly ("memory-safe") {
            let y := mload(it)
            let z := mload(add(it, 32))
            let n := mload(add(it, 160))
            let m := mload(add(it, 192))
            let nm := mul(n, m)
            // sum_{i<nm} y^i = prod_{2^j < nm} (1 + y^(2^j)) for a power of two nm: 2 log2(nm) mulmods.
            let sumY := 1
            let yp := y
            for { let i := 1 } lt(i, nm) { i := shl(1, i) } {
                sumY := mulmod(sumY, addmod(1, yp, R), R)
                yp := mulmod(yp, yp, R)
            }
            let z2 := mulmod(z, z, R)
            delta := mulmod(addmod(z, sub(R, z2), R), sumY, R)
            let zz := mulmod(z2, z, R)
            let twoN1 := sub(shl(n, 1), 1)
            for { let j := 0 } lt(j, m) { j := add(j, 1) } {
                delta := addmod(delta, sub(R, mulmod(zz, twoN1, R)), R)
                zz := mulmod(zz, z, R)
            }
        }
    }

    /// @dev Requires sum(coefficient * base) to be the identity; multiplies the shared bases once.
    function _finish(Msm memory msm) private view {
        uint256 maxNm = msm.gc.length;
        bytes memory table = _loadGenerators(maxNm);
        uint256[5] memory buf = msm.buf;
        _acc(buf, 1, 2, msm.g);
        _accGenerator(buf, table, 0, msm.h);
        uint256[] memory gc = msm.gc;
        uint256[] memory hc = msm.hc;
        assembly ("memory-safe") {
            let inPt := add(buf, 64)
            let gp := add(table, 96) // G_0 (after the length word and H)
            let hp := add(gp, mul(maxNm, 64)) // H_0
            let gcp := add(gc, 32)
            let hcp := add(hc, 32)
            for { let k := 0 } lt(k, maxNm) { k := add(k, 1) } {
                let off := mul(k, 64)
                mstore(inPt, mload(add(gp, off)))
                mstore(add(buf, 96), mload(add(gp, add(off, 32))))
                mstore(add(buf, 128), mload(add(gcp, mul(k, 32))))
                if iszero(staticcall(gas(), 0x07, inPt, 96, inPt, 64)) { revert(0, 0) }
                if iszero(staticcall(gas(), 0x06, buf, 128, buf, 64)) { revert(0, 0) }
                mstore(inPt, mload(add(hp, off)))
                mstore(add(buf, 96), mload(add(hp, add(off, 32))))
                mstore(add(buf, 128), mload(add(hcp, mul(k, 32))))
                if iszero(staticcall(gas(), 0x07, inPt, 96, inPt, 64)) { revert(0, 0) }
                if iszero(staticcall(gas(), 0x06, buf, 128, buf, 64)) { revert(0, 0) }
            }
        }
        if (buf[0] != 0 || buf[1] != 0) revert InvalidProof(Reason.EQUATION_FAILED);
    }

    /// @dev prm = [n, m, z, y^-1, rho*a, b, rho, rho*z]; adds for k < n*m
    ///   gc[k] += -rho*z - rho*a*s_k,   hc[k] += rho*z + rho*y^-k * (z^(2+j) * 2^(k mod n) - b * s_(nm-1-k)).
    function _addGeneratorCoefficients(Msm memory msm, uint256[] memory sv, uint256[8] memory prm) private pure {
        uint256[] memory gc = msm.gc;
        uint256[] memory hc = msm.hc;
        assembly ("memory-safe") {
            // Everything the loop reads twice lives on the stack; pointers walk instead of indices.
            let n := mload(prm)
            let z := mload(add(prm, 64))
            let yInv := mload(add(prm, 96))
            let ra := mload(add(prm, 128))
            let b := mload(add(prm, 160))
            let ryInvPow := mload(add(prm, 192)) // rho * y^-k
            let rz := mload(add(prm, 224))
            let sAt := add(sv, 32) // s_k
            let sEnd := add(sAt, mul(mul(n, mload(add(prm, 32))), 32))
            let sRev := sub(sEnd, 32) // s_(nm-1-k)
            let gAt := add(gc, 32)
            let hAt := add(hc, 32)
            let zPow := mulmod(z, z, R) // z^(2+j)
            for {} lt(sAt, sEnd) {} {
                let zt := zPow // z^(2+j) * 2^i
                for { let i := 0 } lt(i, n) { i := add(i, 1) } {
                    mstore(gAt, addmod(mload(gAt), sub(R, addmod(rz, mulmod(ra, mload(sAt), R), R)), R))
                    let bs := mulmod(b, mload(sRev), R)
                    mstore(hAt, addmod(mload(hAt), addmod(rz, mulmod(ryInvPow, addmod(zt, sub(R, bs), R), R), R), R))
                    zt := addmod(zt, zt, R)
                    ryInvPow := mulmod(ryInvPow, yInv, R)
                    sAt := add(sAt, 32)
                    sRev := sub(sRev, 32)
                    gAt := add(gAt, 32)
                    hAt := add(hAt, 32)
                }
                zPow := mulmod(zPow, z, R)
            }
        }
    }

    /// @dev buf[0..1] += s * (px, py), via ecMul (0x07) then ecAdd (0x06), in place.
    function _acc(uint256[5] memory buf, uint256 px, uint256 py, uint256 s) private view {
        assembly ("memory-safe") {
            mstore(add(buf, 64), px)
            mstore(add(buf, 96), py)
            mstore(add(buf, 128), s)
            if iszero(staticcall(gas(), 0x07, add(buf, 64), 96, add(buf, 64), 64)) { revert(0, 0) }
            if iszero(staticcall(gas(), 0x06, buf, 128, buf, 64)) { revert(0, 0) }
        }
    }

    /// @dev buf[0..1] += s * generator #index of the loaded table.
    function _accGenerator(uint256[5] memory buf, bytes memory table, uint256 index, uint256 s) private view {
        assembly ("memory-safe") {
            let at := add(add(table, 32), mul(index, 64))
            mstore(add(buf, 64), mload(at))
            mstore(add(buf, 96), mload(add(at, 32)))
            mstore(add(buf, 128), s)
            if iszero(staticcall(gas(), 0x07, add(buf, 64), 96, add(buf, 64), 64)) { revert(0, 0) }
            if iszero(staticcall(gas(), 0x06, buf, 128, buf, 64)) { revert(0, 0) }
        }
    }

    // ------------------------------------------------------------------ decoding helpers

    /// @dev Copies H, G_0..G_(nm-1), H_0..H_(nm-1) from the table contract into memory.
    function _loadGenerators(uint256 nm) private view returns (bytes memory gens) {
        address table = generatorTable;
        uint256 max = BulletproofGenerators.MAX_NM;
        gens = new bytes((1 + 2 * nm) * 64);
        assembly ("memory-safe") {
            let out := add(gens, 32)
            extcodecopy(table, out, 1, mul(add(1, nm), 64))
            extcodecopy(table, add(out, mul(add(1, nm), 64)), add(1, mul(add(1, max), 64)), mul(nm, 64))
        }
    }

    // ------------------------------------------------------------------ arithmetic

    /// @dev The n a threshold proof is checked with, as io.credence.zk.ScoreStatements#verifierBits
    /// (docs/zk-protocol.md §1). The current (third-edition) rule: for t <= MAX_SCORE the smallest n
    /// with MAX_SCORE - t < 2^n (n = 8 for 595 <= t <= 850, n = 16 below); for t > MAX_SCORE the
    /// smallest n with t < 2^n, as in every edition. A proof with the round count of an earlier
    /// edition's n for t is a legacy proof and is checked with that n: four rounds (n = 16, the
    /// second edition's n for every t <= 850) or, for t < 256, three rounds (n = 8, the first
    /// edition's). All are sound: the transcript binds n, and any threshold proof shows t <= s.
    /// Any other length gets the current n and is left to _checkEncoding, which rejects a round
    /// count other than log2(n) with ROUND_COUNT_MISMATCH, as Java does.
    function _thresholdBits(uint64 t, uint256 proofLength) private pure returns (uint256) {
        if (t > MAX_SCORE) return _bitsCovering(t);
        if (proofLength == PROOF_LENGTH_N16) return 16;
        if (proofLength == PROOF_LENGTH_N8 && (t < 256 || MAX_SCORE - t < 256)) return 8;
        return MAX_SCORE - t < 256 ? 8 : 16;
    }

    function _bitsCovering(uint64 v) private pure returns (uint256) {
        if (v < 1 << 8) return 8;
        if (v < 1 << 16) return 16;
        if (v < 1 << 32) return 32;
        return 64;
    }

    function _log2(uint256 v) private pure returns (uint256 r) {
        unchecked {
            while ((1 << r) < v) r++;
        }
    }

    /// @dev a^(r-2) mod r via the modexp precompile (0x05).
    function _inv(uint256 a) private view returns (uint256 result) {
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, 32)
            mstore(add(m, 32), 32)
            mstore(add(m, 64), 32)
            mstore(add(m, 96), a)
            mstore(add(m, 128), sub(R, 2))
            mstore(add(m, 160), R)
            if iszero(staticcall(gas(), 0x05, m, 192, m, 32)) { revert(0, 0) }
            result := mload(m)
        }
    }
}
