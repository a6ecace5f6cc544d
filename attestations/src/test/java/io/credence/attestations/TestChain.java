package io.credence.attestations;

import io.credence.attestations.testing.AnvilExtension;
import java.math.BigInteger;
import org.web3j.crypto.Credentials;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/** Transaction managers and gas settings for tests against Anvil. */
final class TestChain {

  /** 2 gwei, 15M gas: enough to deploy the verifier with its generator table. */
  static final ContractGasProvider GAS =
      new StaticGasProvider(BigInteger.valueOf(2_000_000_000L), BigInteger.valueOf(15_000_000L));

  private TestChain() {}

  static TransactionManager sender(AnvilExtension anvil, Credentials who) {
    // Anvil mines instantly: poll for receipts every 50 ms instead of web3j's default 15 s.
    return new RawTransactionManager(
        anvil.web3j(),
        who,
        anvil.chainId(),
        new PollingTransactionReceiptProcessor(anvil.web3j(), 50, 400));
  }
}
