package io.credence.history.internal;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.core.methods.response.Log;

/**
 * One decoded lending-market log, independent of which wallet asked for it.
 *
 * @param account the account whose position the event changed
 * @param actor who sent it (Aave {@code user}/{@code repayer}/{@code liquidator}/{@code initiator},
 *     Comet {@code from}/{@code absorber}); may equal {@code account}
 * @param asset the token the amount is in; null for Comet base-asset events until the market's base
 *     token is filled in
 * @param amount token amount in the token's smallest unit
 */
record ProtocolLog(
    LendingLogKind kind,
    String txHash,
    int logIndex,
    long blockNumber,
    String blockHash,
    String account,
    String actor,
    String asset,
    BigInteger amount) {

  /** Decodes a log of this protocol, or empty when its topic is not one the reader knows. */
  static Optional<ProtocolLog> decode(Protocol protocol, Log log, String cometBaseToken) {
    List<String> topics = log.getTopics();
    if (topics.isEmpty()) {
      return Optional.empty();
    }
    Optional<LendingLogKind> found = LendingLogKind.of(protocol, topics.get(0));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    LendingLogKind kind = found.get();
    long indexedCount = kind.event().getIndexedParameters().size();
    if (topics.size() != indexedCount + 1) {
      throw new ChainReadException(
          kind.eventName() + " log with " + (topics.size() - 1) + " indexed topics");
    }
    @SuppressWarnings("rawtypes")
    List<Type> data =
        FunctionReturnDecoder.decode(log.getData(), kind.event().getNonIndexedParameters());
    if (data.size() != kind.event().getNonIndexedParameters().size()) {
      throw new ChainReadException(kind.eventName() + " log with malformed data");
    }
    String account;
    String actor;
    String asset;
    BigInteger amount;
    switch (kind) {
      case AAVE_SUPPLY, AAVE_BORROW -> {
        asset = topicAddress(topics, 1);
        account = topicAddress(topics, 2);
        actor = address(data.get(0));
        amount = uint(data.get(1));
      }
      case AAVE_WITHDRAW -> {
        asset = topicAddress(topics, 1);
        account = topicAddress(topics, 2);
        actor = account;
        amount = uint(data.get(0));
      }
      case AAVE_REPAY -> {
        asset = topicAddress(topics, 1);
        account = topicAddress(topics, 2);
        actor = topicAddress(topics, 3);
        amount = uint(data.get(0));
      }
      case AAVE_LIQUIDATION_CALL -> {
        asset = topicAddress(topics, 2); // the debt asset: the amount is the debt covered
        account = topicAddress(topics, 3);
        actor = address(data.get(2));
        amount = uint(data.get(0));
      }
      case AAVE_FLASH_LOAN -> {
        account = topicAddress(topics, 1);
        asset = topicAddress(topics, 2);
        actor = address(data.get(0));
        amount = uint(data.get(1));
      }
      case COMET_SUPPLY -> {
        actor = topicAddress(topics, 1);
        account = topicAddress(topics, 2);
        asset = cometBaseToken;
        amount = uint(data.get(0));
      }
      case COMET_WITHDRAW -> {
        account = topicAddress(topics, 1);
        actor = account;
        asset = cometBaseToken;
        amount = uint(data.get(0));
      }
      case COMET_SUPPLY_COLLATERAL -> {
        actor = topicAddress(topics, 1);
        account = topicAddress(topics, 2);
        asset = topicAddress(topics, 3);
        amount = uint(data.get(0));
      }
      case COMET_WITHDRAW_COLLATERAL -> {
        account = topicAddress(topics, 1);
        actor = account;
        asset = topicAddress(topics, 3);
        amount = uint(data.get(0));
      }
      case COMET_ABSORB_DEBT -> {
        actor = topicAddress(topics, 1);
        account = topicAddress(topics, 2);
        asset = cometBaseToken;
        amount = uint(data.get(0));
      }
      case COMET_ABSORB_COLLATERAL -> {
        actor = topicAddress(topics, 1);
        account = topicAddress(topics, 2);
        asset = topicAddress(topics, 3);
        amount = uint(data.get(0));
      }
      default -> throw new IllegalStateException("unhandled " + kind);
    }
    return Optional.of(
        new ProtocolLog(
            kind,
            log.getTransactionHash().toLowerCase(Locale.ROOT),
            log.getLogIndex().intValueExact(),
            log.getBlockNumber().longValueExact(),
            log.getBlockHash().toLowerCase(Locale.ROOT),
            account,
            actor,
            asset,
            amount));
  }

  /** What {@code wallet} was to this event, or empty if it is neither account nor actor. */
  Optional<Role> roleOf(String wallet) {
    if (wallet.equalsIgnoreCase(account)) {
      return Optional.of(Role.ACCOUNT);
    }
    if (wallet.equalsIgnoreCase(actor)) {
      boolean liquidation =
          kind == LendingLogKind.AAVE_LIQUIDATION_CALL
              || kind == LendingLogKind.COMET_ABSORB_DEBT
              || kind == LendingLogKind.COMET_ABSORB_COLLATERAL;
      return Optional.of(liquidation ? Role.LIQUIDATOR : Role.PAYER);
    }
    return Optional.empty();
  }

  private static String topicAddress(List<String> topics, int position) {
    return "0x" + topics.get(position).substring(26).toLowerCase(Locale.ROOT);
  }

  @SuppressWarnings("rawtypes")
  private static String address(Type value) {
    return ((Address) value).getValue().toLowerCase(Locale.ROOT);
  }

  @SuppressWarnings("rawtypes")
  private static BigInteger uint(Type value) {
    return (BigInteger) value.getValue();
  }
}
