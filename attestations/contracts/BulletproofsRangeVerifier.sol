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

    struct Point {
        uint256 x;
        uint256 y;
    }

    struct Proof {
        Point A;
        Point S;
        Point T1;
        Point T2;
        uint256 tx;
        uint256 taux;
        uint256 mu;
        Point[] L;
        Point[] R;
        uint256 a;
        uint256 b;
    }

    /// The commitment and statement bounds, for folding a band's two derived commitments into V.
    struct Inputs {
        Point v;
        uint256 lo;
        uint256 hi;
    }

    struct Challenges {
        uint256 y;
        uint256 z;
        uint256 x;
        uint256 w;
        uint256 c;
        uint256[] u;
    }

    /// One prepared proof: decoded, its transcript replayed, its statement's derived commitments.
    struct Item {
        Proof p;
        Challenges ch;
        Point[] vs;
        Inputs inputs;
        uint256 n;
        uint256 nm;
        uint256 rounds;
    }

    /// The running multi-scalar multiplication: per-proof points are added to `buf` as they come;
    /// the coefficients of the shared bases (G, H, G_k, H_k) are summed and multiplied once at the end.
    struct Msm {
        uint256[5] buf; // acc.x, acc.y, p.x, p.y, scalar (the precompile input, reused)
        uint256 g; // coefficient of G
        uint256 h; // coefficient of H
        uint256[] gc; // coefficients of G_0..G_(maxNm-1)
        uint256[] hc; // coefficients of H_0..H_(maxNm-1)
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
        Item memory it = _prepare(transcriptState, commitment, statementKind, lo, hi, context, proof);
        Msm memory msm = _newMsm(it.nm);
        _accumulate(msm, it, 1);
        _finish(msm);
    }

    /// @inheritdoc IRangeProofVerifier
    function verifyBatch(bytes32 transcriptState, RangeClaim[] calldata claims) external view {
        unchecked {
            uint256 count = claims.length;
            if (count == 0) revert InvalidProof(Reason.UNSUPPORTED_PARAMETERS);
            Item[] memory items = new Item[](count);
            uint256[] memory weights = new uint256[](count);
            uint256 maxNm;
            for (uint256 i = 0; i < count; i++) {
                RangeClaim calldata c = claims[i];
                Item memory it = _prepare(transcriptState, c.commitment, c.statementKind, c.lo, c.hi, c.context, c.proof);
                items[i] = it;
                weights[i] = it.ch.c; // c is a hash of the proof's whole transcript and of a, b
                if (it.nm > maxNm) maxNm = it.nm;
            }
            // Batch weights: rho_0 = 1, rho_i = H(seed || i) for i > 0, where the seed hashes every
            // proof's c (so no weight is known before all proofs are fixed).
            bytes32 seed = keccak256(abi.encodePacked("credence/evm-batch-weight/v1", weights));
            Msm memory msm = _newMsm(maxNm);
            for (uint256 i = 0; i < count; i++) {
                uint256 rho = 1;
                if (i > 0) {
                    rho = uint256(keccak256(abi.encodePacked(seed, i))) % R;
                    if (rho == 0) revert InvalidProof(Reason.ZERO_CHALLENGE);
                }
                _accumulate(msm, items[i], rho);
            }
            _finish(msm);
        }
    }

    /// @dev Decodes one claim and replays its transcript (statement -> n, derived commitments).
    function _prepare(
        bytes32 transcriptState,
        bytes calldata commitment,
        uint8 statementKind,
        uint64 lo,
        uint64 hi,
        bytes calldata context,
        bytes calldata proof
    ) private view returns (Item memory it) {
        unchecked {
            if (commitment.length != 64) revert InvalidProof(Reason.WRONG_LENGTH);
            Point memory v = _point(commitment, 0);

            // Statement -> (n, encoding, derived commitments), as io.credence.zk.Statement/ScoreStatements.
            bytes memory statement;
            if (statementKind == 1) {
                it.n = _bitsCovering(lo);
                statement = abi.encodePacked(uint8(1), lo);
                it.vs = new Point[](1);
                it.vs[0] = _add(v, _neg(_mul(Point(1, 2), lo)));
            } else if (statementKind == 2 && lo <= hi) {
                it.n = _bitsCovering(hi - lo);
                statement = abi.encodePacked(uint8(2), lo, hi);
                it.vs = new Point[](2);
                it.vs[0] = _add(v, _neg(_mul(Point(1, 2), lo)));
                it.vs[1] = _add(_neg(v), _mul(Point(1, 2), hi));
            } else {
                revert InvalidProof(Reason.UNSUPPORTED_PARAMETERS);
            }
            it.nm = it.n * it.vs.length;
            if (it.nm > BulletproofGenerators.MAX_NM) revert InvalidProof(Reason.UNSUPPORTED_PARAMETERS);
            it.rounds = _log2(it.nm);
            it.inputs = Inputs(v, lo, hi);
            it.p = _decode(proof, it.rounds);
            it.ch = _transcript(transcriptState, it.n, statement, it.vs, context, it.p, it.rounds);
        }
    }

    function _newMsm(uint256 maxNm) private pure returns (Msm memory msm) {
        msm.gc = new uint256[](maxNm);
        msm.hc = new uint256[](maxNm);
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

    // ------------------------------------------------------------------ transcript

    function _transcript(
        bytes32 state,
        uint256 n,
        bytes memory statement,
        Point[] memory vs,
        bytes calldata context,
        Proof memory p,
        uint256 rounds
    ) private pure returns (Challenges memory ch) {
        unchecked {
            state = _appendBytes(state, "dom-sep", 7, bytes("credence/bulletproofs-range/v1"));
            state = _appendU64(state, "n", 1, n);
            state = _appendU64(state, "m", 1, vs.length);
            state = _appendBytes(state, "statement", 9, statement);
            for (uint256 j = 0; j < vs.length; j++) {
                state = _appendPoint(state, "V", 1, vs[j]);
            }
            state = _appendBytes(state, "context", 7, context);
            state = _appendPoint(state, "A", 1, p.A);
            state = _appendPoint(state, "S", 1, p.S);
            (state, ch.y) = _challenge(state, "y");
            (state, ch.z) = _challenge(state, "z");
            state = _appendPoint(state, "T1", 2, p.T1);
            state = _appendPoint(state, "T2", 2, p.T2);
            (state, ch.x) = _challenge(state, "x");
            state = _appendWord(state, "t_x", 3, p.tx);
            state = _appendWord(state, "tau_x", 5, p.taux);
            state = _appendWord(state, "mu", 2, p.mu);
            (state, ch.w) = _challenge(state, "w");
            ch.u = new uint256[](rounds);
            for (uint256 k = 0; k < rounds; k++) {
                state = _appendPoint(state, "L", 1, p.L[k]);
                state = _appendPoint(state, "R", 1, p.R[k]);
                (state, ch.u[k]) = _challenge(state, "u");
            }
            ch.c = uint256(keccak256(abi.encodePacked(state, "credence/evm-verifier-weight/v1", p.a, p.b))) % R;
            if (ch.c == 0) revert InvalidProof(Reason.ZERO_CHALLENGE);
        }
    }

    // Transcript operations of io.credence.zk.Transcript, hashed in scratch memory (no allocation):
    //   append:    state = keccak256(state || 0x01 || u32(len(label)) || label || u32(len(msg)) || msg)
    //   challenge: state = keccak256(state || 0x02 || u32(len(label)) || label); c = state mod r
    // Labels are passed left-aligned in a bytes32 with their length.

    function _appendPoint(bytes32 state, bytes32 label, uint256 labelLen, Point memory pt)
        private
        pure
        returns (bytes32 r)
    {
        assembly ("memory-safe") {
            let m := mload(0x40)
            let q := _head(m, state, 1, label, labelLen)
            mstore(q, shl(224, 64))
            mstore(add(q, 4), mload(pt))
            mstore(add(q, 36), mload(add(pt, 32)))
            r := keccak256(m, sub(add(q, 68), m))
            function _head(mm, st, op, lb, ll) -> next {
                mstore(mm, st)
                mstore8(add(mm, 32), op)
                mstore(add(mm, 33), shl(224, ll))
                mstore(add(mm, 37), lb)
                next := add(add(mm, 37), ll)
            }
        }
    }

    function _appendWord(bytes32 state, bytes32 label, uint256 labelLen, uint256 word)
        private
        pure
        returns (bytes32 r)
    {
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, state)
            mstore8(add(m, 32), 1)
            mstore(add(m, 33), shl(224, labelLen))
            mstore(add(m, 37), label)
            let q := add(add(m, 37), labelLen)
            mstore(q, shl(224, 32))
            mstore(add(q, 4), word)
            r := keccak256(m, sub(add(q, 36), m))
        }
    }

    function _appendU64(bytes32 state, bytes32 label, uint256 labelLen, uint256 v) private pure returns (bytes32 r) {
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, state)
            mstore8(add(m, 32), 1)
            mstore(add(m, 33), shl(224, labelLen))
            mstore(add(m, 37), label)
            let q := add(add(m, 37), labelLen)
            mstore(q, shl(224, 8))
            mstore(add(q, 4), shl(192, v))
            r := keccak256(m, sub(add(q, 12), m))
        }
    }

    function _appendBytes(bytes32 state, bytes32 label, uint256 labelLen, bytes memory message)
        private
        pure
        returns (bytes32)
    {
        return keccak256(abi.encodePacked(state, uint8(1), uint32(labelLen), _prefix(label, labelLen), uint32(message.length), message));
    }

    function _prefix(bytes32 label, uint256 len) private pure returns (bytes memory out) {
        out = new bytes(len);
        assembly ("memory-safe") {
            mstore(add(out, 32), label)
        }
    }

    function _challenge(bytes32 state, bytes32 label) private pure returns (bytes32 next, uint256 c) {
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, state)
            mstore8(add(m, 32), 2)
            mstore(add(m, 33), shl(224, 1))
            mstore(add(m, 37), label)
            next := keccak256(m, 38)
        }
        c = uint256(next) % R;
        if (c == 0) revert InvalidProof(Reason.ZERO_CHALLENGE);
    }

    // ------------------------------------------------------------------ the verification equation

    /// @dev Adds rho times this proof's check to the MSM. The check (notation of docs/zk-protocol.md):
    ///   G_k: -z - a*s_k           H_k: z + y^-k * (z^(2+j) * 2^(k mod n) - b * s_(nm-1-k))
    ///   G:   w*(t_x - a*b) + c*(t_x - delta)      H: -mu + c*tau_x
    ///   A: 1   S: x   T1: -c*x   T2: -c*x^2   V_j: -c*z^(2+j)   L_k: u_k^2   R_k: u_k^-2
    function _accumulate(Msm memory msm, Item memory it, uint256 rho) private view {
        unchecked {
            Proof memory p = it.p;
            Challenges memory ch = it.ch;
            uint256 nm = it.nm;
            // One modexp inverts y and every u_k (Montgomery's batch inversion).
            uint256[] memory inv = _batchInverse(ch.y, ch.u);
            uint256[] memory sv = _sVector(ch.u, inv, nm, it.rounds);
            uint256 z = ch.z;
            uint256[5] memory buf = msm.buf;
            if (rho == 1) {
                _addPoint(buf, p.A.x, p.A.y);
            } else {
                _acc(buf, p.A.x, p.A.y, rho);
            }
            _acc(buf, p.S.x, p.S.y, mulmod(rho, ch.x, R));
            uint256 rc = mulmod(rho, ch.c, R);
            uint256 rcx = mulmod(rc, ch.x, R);
            _acc(buf, p.T1.x, p.T1.y, R - rcx);
            _acc(buf, p.T2.x, p.T2.y, R - mulmod(rcx, ch.x, R));
            uint256 zj = mulmod(z, z, R); // z^(2+j)
            uint256 delta;
            {
                // delta = (z - z^2) * sum_{i<nm} y^i - sum_j z^(3+j) * (2^n - 1)
                uint256 sumY;
                uint256 yi = 1;
                for (uint256 i = 0; i < nm; i++) {
                    sumY = addmod(sumY, yi, R);
                    yi = mulmod(yi, ch.y, R);
                }
                delta = mulmod(addmod(z, R - zj, R), sumY, R);
                uint256 zz = mulmod(zj, z, R);
                for (uint256 j = 0; j < it.vs.length; j++) {
                    delta = addmod(delta, R - mulmod(zz, (uint256(1) << it.n) - 1, R), R);
                    zz = mulmod(zz, z, R);
                }
            }
            // V_j: -c*z^(2+j). For a band, V_0 = V - lo*G and V_1 = hi*G - V, so the two terms fold into
            // (c*z^3 - c*z^2)*V plus (c*z^2*lo - c*z^3*hi)*G: one ecMul instead of two.
            uint256 gFold;
            if (it.vs.length == 1) {
                _acc(buf, it.vs[0].x, it.vs[0].y, R - mulmod(rc, zj, R));
            } else {
                uint256 cz2 = mulmod(rc, zj, R);
                uint256 cz3 = mulmod(cz2, z, R);
                _acc(buf, it.inputs.v.x, it.inputs.v.y, addmod(cz3, R - cz2, R));
                gFold = addmod(mulmod(cz2, it.inputs.lo, R), R - mulmod(cz3, it.inputs.hi, R), R);
            }
            for (uint256 k = 0; k < it.rounds; k++) {
                _acc(buf, p.L[k].x, p.L[k].y, mulmod(rho, mulmod(ch.u[k], ch.u[k], R), R));
                _acc(buf, p.R[k].x, p.R[k].y, mulmod(rho, mulmod(inv[1 + k], inv[1 + k], R), R));
            }

            // G and H (shared bases: summed over the batch).
            {
                uint256 ab = mulmod(p.a, p.b, R);
                uint256 gb = addmod(
                    mulmod(ch.w, addmod(p.tx, R - ab, R), R), mulmod(ch.c, addmod(p.tx, R - delta, R), R), R
                );
                msm.g = addmod(msm.g, addmod(mulmod(rho, gb, R), gFold, R), R);
                msm.h = addmod(msm.h, mulmod(rho, addmod(R - p.mu, mulmod(ch.c, p.taux, R), R), R), R);
            }

            // G_k: rho*(-z - a*s_k) ; H_k: rho*(z + y^-k * (z^(2+j) * 2^(k mod n) - b * s_(nm-1-k))),
            // added to the shared coefficients (k < nm = sv.length <= gc.length).
            _addGeneratorCoefficients(
                msm, sv, [it.n, it.vs.length, z, inv[0], mulmod(rho, p.a, R), p.b, rho, mulmod(rho, z, R)]
            );
        }
    }

    /// @dev prm = [n, m, z, y^-1, rho*a, b, rho, rho*z]; adds for k < n*m
    ///   gc[k] += -rho*z - rho*a*s_k,   hc[k] += rho*z + rho*y^-k * (z^(2+j) * 2^(k mod n) - b * s_(nm-1-k)).
    function _addGeneratorCoefficients(Msm memory msm, uint256[] memory sv, uint256[8] memory prm) private pure {
        uint256[] memory gc = msm.gc;
        uint256[] memory hc = msm.hc;
        assembly ("memory-safe") {
            let n := mload(prm)
            let nm := mul(n, mload(add(prm, 32)))
            let svPtr := add(sv, 32)
            let svLast := add(svPtr, mul(sub(nm, 1), 32))
            let gcp := add(gc, 32)
            let hcp := add(hc, 32)
            let ryInvPow := mload(add(prm, 192)) // rho * y^-k
            let zPow := mulmod(mload(add(prm, 64)), mload(add(prm, 64)), R)
            let k := 0
            for {} lt(k, nm) {} {
                let twoPow := 1
                for { let i := 0 } lt(i, n) { i := add(i, 1) } {
                    let off := mul(k, 32)
                    let gAt := add(gcp, off)
                    let rz := mload(add(prm, 224))
                    mstore(
                        gAt,
                        addmod(mload(gAt), sub(R, addmod(rz, mulmod(mload(add(prm, 128)), mload(add(svPtr, off)), R), R)), R)
                    )
                    let hAt := add(hcp, off)
                    let bs := mulmod(mload(add(prm, 160)), mload(sub(svLast, off)), R)
                    mstore(
                        hAt,
                        addmod(mload(hAt), addmod(rz, mulmod(ryInvPow, addmod(mulmod(zPow, twoPow, R), sub(R, bs), R), R), R), R)
                    )
                    twoPow := shl(1, twoPow)
                    ryInvPow := mulmod(ryInvPow, mload(add(prm, 96)), R)
                    k := add(k, 1)
                }
                zPow := mulmod(zPow, mload(add(prm, 64)), R)
            }
        }
    }

    /// @dev buf[0..1] += (px, py) via ecAdd (0x06), in place.
    function _addPoint(uint256[5] memory buf, uint256 px, uint256 py) private view {
        assembly ("memory-safe") {
            mstore(add(buf, 64), px)
            mstore(add(buf, 96), py)
            if iszero(staticcall(gas(), 0x06, buf, 128, buf, 64)) { revert(0, 0) }
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

    /// @dev s_i = prod_k u_k^(+-1), + when bit (rounds-1-k) of i is set.
    function _sVector(uint256[] memory u, uint256[] memory inv, uint256 nm, uint256 rounds)
        private
        pure
        returns (uint256[] memory sv)
    {
        unchecked {
            uint256 allInv = 1;
            uint256[] memory uSq = new uint256[](rounds);
            for (uint256 k = 0; k < rounds; k++) {
                allInv = mulmod(allInv, inv[1 + k], R);
                uSq[k] = mulmod(u[k], u[k], R);
            }
            sv = new uint256[](nm);
            sv[0] = allInv;
            for (uint256 i = 1; i < nm; i++) {
                uint256 lgI = _log2Floor(i);
                sv[i] = mulmod(sv[i - (1 << lgI)], uSq[rounds - 1 - lgI], R);
            }
        }
    }

    /// @dev [y^-1, u_0^-1, ..., u_(k-1)^-1] with a single modular inversion.
    function _batchInverse(uint256 y, uint256[] memory u) private view returns (uint256[] memory inv) {
        unchecked {
            uint256 count = 1 + u.length;
            uint256[] memory prefix = new uint256[](count);
            prefix[0] = y;
            for (uint256 i = 1; i < count; i++) {
                prefix[i] = mulmod(prefix[i - 1], u[i - 1], R);
            }
            uint256 t = _inv(prefix[count - 1]);
            inv = new uint256[](count);
            for (uint256 i = count - 1; i > 0; i--) {
                inv[i] = mulmod(t, prefix[i - 1], R);
                t = mulmod(t, u[i - 1], R);
            }
            inv[0] = t;
        }
    }

    // ------------------------------------------------------------------ decoding

    /// @dev Strict decoding of RangeProof.toAbiBytes(): exact length, exact head offsets and
    /// array lengths, every point a canonical non-identity curve point, every scalar < r.
    function _decode(bytes calldata b, uint256 rounds) private pure returns (Proof memory p) {
        unchecked {
            if (b.length < 576 || (b.length - 576) % 128 != 0) revert InvalidProof(Reason.WRONG_LENGTH);
            uint256 k = (b.length - 576) / 128;
            if (k > 12) revert InvalidProof(Reason.ROUND_COUNT_MISMATCH);
            uint256 offL = 15 * 32;
            uint256 offR = offL + 32 + 64 * k;
            if (
                _word(b, 0) != 32 || _word(b, 32 + 11 * 32) != offL || _word(b, 32 + 12 * 32) != offR
                    || _word(b, 32 + offL) != k || _word(b, 32 + offR) != k
            ) revert InvalidProof(Reason.WRONG_LENGTH);
            p.A = _point(b, 32);
            p.S = _point(b, 96);
            p.T1 = _point(b, 160);
            p.T2 = _point(b, 224);
            p.tx = _scalar(b, 288);
            p.taux = _scalar(b, 320);
            p.mu = _scalar(b, 352);
            p.a = _scalar(b, 32 + 13 * 32);
            p.b = _scalar(b, 32 + 14 * 32);
            p.L = new Point[](k);
            p.R = new Point[](k);
            for (uint256 r = 0; r < k; r++) {
                p.L[r] = _point(b, 32 + offL + 32 + 64 * r);
                p.R[r] = _point(b, 32 + offR + 32 + 64 * r);
            }
            if (k != rounds) revert InvalidProof(Reason.ROUND_COUNT_MISMATCH);
        }
    }

    function _word(bytes calldata b, uint256 off) private pure returns (uint256 w) {
        assembly ("memory-safe") {
            w := calldataload(add(b.offset, off))
        }
    }

    function _scalar(bytes calldata b, uint256 off) private pure returns (uint256 s) {
        s = _word(b, off);
        if (s >= R) revert InvalidProof(Reason.SCALAR_OUT_OF_RANGE);
    }

    function _point(bytes calldata b, uint256 off) private pure returns (Point memory pt) {
        pt.x = _word(b, off);
        pt.y = _word(b, off + 32);
        if (pt.x >= P || pt.y >= P) revert InvalidProof(Reason.NON_CANONICAL_POINT);
        if (pt.x == 0 && pt.y == 0) revert InvalidProof(Reason.IDENTITY_POINT);
        if (mulmod(pt.y, pt.y, P) != addmod(mulmod(mulmod(pt.x, pt.x, P), pt.x, P), 3, P)) {
            revert InvalidProof(Reason.POINT_NOT_ON_CURVE);
        }
    }

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

    function _log2Floor(uint256 v) private pure returns (uint256 r) {
        unchecked {
            while (v > 1) {
                v >>= 1;
                r++;
            }
        }
    }

    function _neg(Point memory pt) private pure returns (Point memory) {
        if (pt.x == 0 && pt.y == 0) return pt;
        return Point(pt.x, P - pt.y);
    }

    function _add(Point memory p1, Point memory p2) private view returns (Point memory r) {
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, mload(p1))
            mstore(add(m, 32), mload(add(p1, 32)))
            mstore(add(m, 64), mload(p2))
            mstore(add(m, 96), mload(add(p2, 32)))
            if iszero(staticcall(gas(), 0x06, m, 128, r, 64)) { revert(0, 0) }
        }
    }

    function _mul(Point memory pt, uint256 s) private view returns (Point memory r) {
        assembly ("memory-safe") {
            let m := mload(0x40)
            mstore(m, mload(pt))
            mstore(add(m, 32), mload(add(pt, 32)))
            mstore(add(m, 64), s)
            if iszero(staticcall(gas(), 0x07, m, 96, r, 64)) { revert(0, 0) }
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
