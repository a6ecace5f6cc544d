package io.credence.demo.internal;

import io.credence.demo.DemoAccounts;
import io.credence.demo.DemoAuditAnchor;
import java.io.IOException;
import java.math.BigInteger;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/**
 * Deploys the audit anchor contract on a demo chain from its own sender, account {@value
 * DemoAccounts#AUDIT_ANCHOR_SENDER}, which Anvil does not fund: the demo gives it 100 ETH with
 * {@code anvil_setBalance} first. A fresh chain's anchor therefore always lands at the sender's
 * nonce-0 address.
 */
final class AuditAnchorDeployment {

  /**
   * The anchor contract's runtime code, as the audit module expects it (docs/operations.md "Audit
   * anchoring"): {@code CALLDATACOPY(0, 0, CALLDATASIZE); LOG0(0, CALLDATASIZE); STOP}.
   */
  static final String RUNTIME = "0x366000600037366000a000";

  /** Init code: copies the 11 runtime bytes that follow it and returns them. */
  static final String INIT = "0x600b80600b6000396000f3" + RUNTIME.substring(2);

  private static final BigInteger FUNDS = BigInteger.TEN.pow(20);
  private static final BigInteger GAS_LIMIT = BigInteger.valueOf(100_000);

  private AuditAnchorDeployment() {}

  static DemoAuditAnchor deploy(ChainTransactions chain, String rpcUrl)
      throws IOException, TransactionException {
    String sender = DemoAccounts.address(DemoAccounts.AUDIT_ANCHOR_SENDER);
    chain.rpc("anvil_setBalance", sender, Numeric.toHexStringWithPrefix(FUNDS));
    EthSendTransaction sent =
        chain
            .as(DemoAccounts.AUDIT_ANCHOR_SENDER)
            .sendTransaction(
                ChainTransactions.GAS.getGasPrice(), GAS_LIMIT, "", INIT, BigInteger.ZERO, true);
    if (sent.hasError()) {
      throw new IllegalStateException(
          "deploying the audit anchor: " + sent.getError().getMessage());
    }
    TransactionReceipt receipt =
        new PollingTransactionReceiptProcessor(chain.web3j, 20, 1500)
            .waitForTransactionReceipt(sent.getTransactionHash());
    if (!receipt.isStatusOK() || receipt.getContractAddress() == null) {
      throw new IllegalStateException("the audit anchor's deployment reverted");
    }
    String contract = org.web3j.crypto.Keys.toChecksumAddress(receipt.getContractAddress());
    if (!isDeployed(chain, contract)) {
      throw new IllegalStateException("no audit anchor code at " + contract);
    }
    return new DemoAuditAnchor(
        chain.chainId, rpcUrl, contract, receipt.getBlockNumber().longValueExact());
  }

  /** Whether the anchor contract's exact code is at {@code address}. */
  static boolean isDeployed(ChainTransactions chain, String address) {
    return RUNTIME.equalsIgnoreCase(chain.code(address));
  }
}
