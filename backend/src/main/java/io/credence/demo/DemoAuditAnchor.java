package io.credence.demo;

/**
 * Where the demo anchors audit checkpoints: the anchor contract it deployed on chain {@value
 * LocalDemoNetwork#CHAIN_A} from account {@value DemoAccounts#AUDIT_ANCHOR_SENDER} (docs/demo.md,
 * docs/operations.md "Audit anchoring"). Deployed once per chain and recorded in the chain's
 * manifest, so a restart with the kept chain keeps anchoring into the same contract.
 *
 * @param chainId the anchor chain (31337)
 * @param rpcUrl its node's JSON-RPC URL
 * @param contract the anchor contract's address (EIP-55)
 * @param deployedInBlock the block it was deployed in (where a search for checkpoints starts)
 */
public record DemoAuditAnchor(long chainId, String rpcUrl, String contract, long deployedInBlock) {}
