package io.credence.demo.internal;

import io.credence.attestations.demo.DemoAaveOracle;
import io.credence.attestations.demo.DemoAavePool;
import io.credence.attestations.demo.DemoComet;
import io.credence.attestations.demo.DemoPriceFeed;
import io.credence.demo.DemoAccounts;
import io.credence.demo.DemoChain;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The seeded demo histories (docs/demo.md describes them), each transaction mined at its own time
 * in the past so that the histories are as long as they claim. Chain 31337 ({@code demo-a}):
 * account 1 (clean, long, Aave), account 3 (recently liquidated on Aave and absorbed on Comet),
 * account 4 (a thin file), account 6 (the first half of the two-chain borrower). Chain 31338
 * ({@code demo-b}): account 2 (clean, long, Comet with Aave savings) and account 5 (the second half
 * of the two-chain borrower).
 */
final class DemoHistories {

  private final ChainTransactions chain;
  private final DemoChain contracts;
  private final Instant now;
  private final List<Step> steps = new ArrayList<>();

  private record Step(Instant at, int order, Action action) {}

  @FunctionalInterface
  private interface Action {
    void run() throws Exception;
  }

  private DemoHistories(ChainTransactions chain, DemoChain contracts, Instant now) {
    this.chain = chain;
    this.contracts = contracts;
    this.now = now;
  }

  /** Seeds the chain's histories and leaves its clock at {@code now}. */
  static void seed(ChainTransactions chain, DemoChain contracts, Instant now) throws Exception {
    DemoHistories histories = new DemoHistories(chain, contracts, now);
    if (chain.chainId == DemoNetworkNodes.CHAIN_A) {
      histories.chainA();
    } else {
      histories.chainB();
    }
    histories.run();
    chain.mineAt(now);
  }

  private void chainA() {
    // Account 1: clean and long — 10 WETH collateral for two years, eleven 6,000 USDC loans each
    // repaid after 40 days, a flash loan, one loan open now.
    aaveSupply(720, 1, contracts.weth(), weth("10"));
    for (int k = 0; k <= 10; k++) {
      aaveBorrow(700 - 60 * k, 1, usdc("6000"));
      aaveRepay(660 - 60 * k, 1, usdc("6000"));
    }
    flashLoan(300, 1, usdc("50000"));
    aaveBorrow(20, 1, usdc("5000"));

    // Account 3: recently liquidated — repaid four loans, then borrowed too much; WETH fell to
    // $2,100, half the Aave debt was liquidated 12 days ago and the Comet position absorbed.
    aaveSupply(420, 3, contracts.weth(), weth("3"));
    for (int k = 0; k <= 3; k++) {
      aaveBorrow(410 - 60 * k, 3, usdc("2500"));
      aaveRepay(375 - 60 * k, 3, usdc("2500"));
    }
    aaveBorrow(90, 3, usdc("6500"));
    cometCollateral(60, 3, weth("1"));
    cometBorrow(58, 3, usdc("2000"));
    wethPrice(14, 2100);
    aaveLiquidation(12, 3, usdc("3250"));
    cometAbsorb(8, 3);
    wethPrice(3, 2900);

    // Account 4: a thin file — a small deposit 25 days ago and a small loan 10 days ago.
    aaveSupply(25, 4, contracts.usdc(), usdc("800"));
    aaveBorrow(10, 4, usdc("150"));

    // Account 6: the two-chain borrower's first wallet — 16 months on Aave, five 5,000 USDC loans
    // repaid after 45 days, one open.
    aaveSupply(480, 6, contracts.weth(), weth("8"));
    for (int k = 0; k <= 4; k++) {
      aaveBorrow(470 - 90 * k, 6, usdc("5000"));
      aaveRepay(425 - 90 * k, 6, usdc("5000"));
    }
    aaveBorrow(30, 6, usdc("4000"));
  }

  private void chainB() {
    // Account 2: clean and long on Comet — 6 WETH collateral for 20 months, seven 4,000 USDC
    // loans each repaid after 35 days, USDC savings on Aave, one loan open now.
    cometCollateral(600, 2, weth("6"));
    for (int k = 0; k <= 6; k++) {
      cometBorrow(590 - 75 * k, 2, usdc("4000"));
      cometRepay(555 - 75 * k, 2, usdc("4000"));
    }
    aaveSupply(500, 2, contracts.usdc(), usdc("20000"));
    aaveWithdraw(200, 2, contracts.usdc(), usdc("5000"));
    cometBorrow(15, 2, usdc("3000"));

    // Account 5: the two-chain borrower's second wallet — a year on Comet, four 3,000 USDC
    // loans repaid after 40 days, WETH on Aave and a small Aave loan open now.
    cometCollateral(360, 5, weth("4"));
    for (int k = 0; k <= 3; k++) {
      cometBorrow(350 - 90 * k, 5, usdc("3000"));
      cometRepay(310 - 90 * k, 5, usdc("3000"));
    }
    aaveSupply(300, 5, contracts.weth(), weth("2"));
    aaveBorrow(25, 5, usdc("1500"));
  }

  private void run() throws Exception {
    steps.sort(Comparator.comparing(Step::at).thenComparing(Step::order));
    for (Step step : steps) {
      chain.at(step.at());
      step.action().run();
    }
  }

  private void step(double daysAgo, Action action) {
    Instant at = now.minus(Duration.ofSeconds(Math.round(daysAgo * 86_400)));
    steps.add(new Step(at, steps.size(), action));
  }

  private DemoAavePool pool(int account) {
    return DemoAavePool.load(
        contracts.aavePool(), chain.web3j, chain.as(account), ChainTransactions.GAS);
  }

  private DemoComet comet(int account) {
    return DemoComet.load(contracts.comet(), chain.web3j, chain.as(account), ChainTransactions.GAS);
  }

  private String address(int account) {
    return DemoAccounts.credentials(account).getAddress();
  }

  private void aaveSupply(double daysAgo, int account, String asset, BigInteger amount) {
    step(
        daysAgo,
        () -> pool(account).supply(asset, amount, address(account), BigInteger.ZERO).send());
  }

  private void aaveWithdraw(double daysAgo, int account, String asset, BigInteger amount) {
    step(daysAgo, () -> pool(account).withdraw(asset, amount, address(account)).send());
  }

  /** A variable-rate (mode 2) USDC loan. */
  private void aaveBorrow(double daysAgo, int account, BigInteger usdc) {
    step(
        daysAgo,
        () ->
            pool(account)
                .borrow(contracts.usdc(), usdc, BigInteger.TWO, BigInteger.ZERO, address(account))
                .send());
  }

  private void aaveRepay(double daysAgo, int account, BigInteger usdc) {
    step(
        daysAgo,
        () -> pool(account).repay(contracts.usdc(), usdc, BigInteger.TWO, address(account)).send());
  }

  /** Account 0 covers {@code usdc} of the account's USDC debt and seizes its WETH. */
  private void aaveLiquidation(double daysAgo, int account, BigInteger usdc) {
    step(
        daysAgo,
        () ->
            pool(DemoAccounts.ADMIN)
                .liquidationCall(contracts.weth(), contracts.usdc(), address(account), usdc, false)
                .send());
  }

  private void flashLoan(double daysAgo, int account, BigInteger usdc) {
    step(
        daysAgo,
        () ->
            pool(account)
                .flashLoanSimple(
                    address(account), contracts.usdc(), usdc, new byte[0], BigInteger.ZERO)
                .send());
  }

  private void cometCollateral(double daysAgo, int account, BigInteger weth) {
    step(daysAgo, () -> comet(account).supply(contracts.weth(), weth).send());
  }

  /** A base-asset withdrawal below zero: Comet's borrow. */
  private void cometBorrow(double daysAgo, int account, BigInteger usdc) {
    step(daysAgo, () -> comet(account).withdraw(contracts.usdc(), usdc).send());
  }

  /** A base-asset supply while the balance is negative: Comet's repayment. */
  private void cometRepay(double daysAgo, int account, BigInteger usdc) {
    step(daysAgo, () -> comet(account).supply(contracts.usdc(), usdc).send());
  }

  /** Account 0 absorbs the account: AbsorbCollateral and AbsorbDebt. */
  private void cometAbsorb(double daysAgo, int account) {
    step(
        daysAgo,
        () ->
            comet(DemoAccounts.ADMIN)
                .absorb(address(DemoAccounts.ADMIN), List.of(address(account)))
                .send());
  }

  /** Sets WETH's price on the Aave oracle and Comet's feed (account 0 owns both). */
  private void wethPrice(double daysAgo, long usd) {
    BigInteger price = BigInteger.valueOf(usd).multiply(BigInteger.valueOf(100_000_000L));
    step(
        daysAgo,
        () ->
            DemoAaveOracle.load(
                    contracts.aaveOracle(),
                    chain.web3j,
                    chain.as(DemoAccounts.ADMIN),
                    ChainTransactions.GAS)
                .setAssetPrice(contracts.weth(), price)
                .send());
    step(
        daysAgo,
        () ->
            DemoPriceFeed.load(
                    contracts.wethPriceFeed(),
                    chain.web3j,
                    chain.as(DemoAccounts.ADMIN),
                    ChainTransactions.GAS)
                .setAnswer(price)
                .send());
  }

  static BigInteger weth(String amount) {
    return new BigDecimal(amount).movePointRight(18).toBigIntegerExact();
  }

  static BigInteger usdc(String amount) {
    return new BigDecimal(amount).movePointRight(6).toBigIntegerExact();
  }
}
