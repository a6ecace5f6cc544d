package io.credence.attestations.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.web3j.protocol.core.DefaultBlockParameterName;

class AnvilExtensionIT {

  @RegisterExtension static final AnvilExtension anvil = AnvilExtension.withChainId(4242);

  @Test
  void startsAnvilWithTheRequestedChainIdAndFundedAccounts() throws Exception {
    assertThat(anvil.web3j().ethChainId().send().getChainId()).isEqualTo(BigInteger.valueOf(4242));
    assertThat(
            anvil
                .web3j()
                .ethGetBalance(anvil.account(0).getAddress(), DefaultBlockParameterName.LATEST)
                .send()
                .getBalance())
        .isPositive();
  }

  @Test
  void movesTheChainClockForward() throws Exception {
    BigInteger before = latestTimestamp();
    anvil.increaseTime(3600);
    assertThat(latestTimestamp()).isGreaterThanOrEqualTo(before.add(BigInteger.valueOf(3600)));
  }

  private BigInteger latestTimestamp() throws Exception {
    return anvil
        .web3j()
        .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
        .send()
        .getBlock()
        .getTimestamp();
  }
}
