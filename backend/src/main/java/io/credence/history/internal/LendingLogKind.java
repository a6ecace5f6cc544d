package io.credence.history.internal;

import java.util.List;
import java.util.Set;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * Every protocol event the reader filters on, with its real signature (Aave v3 {@code IPool} from
 * {@code @aave/core-v3}; Compound v3 Comet's published ABI). {@code ProtocolEventSignaturesTest}
 * checks each topic hash against those sources.
 *
 * <p>{@link #walletTopics} lists the indexed positions (1..3) holding an account whose history the
 * event belongs to: the reader asks the node for logs with the wallet at each such position.
 */
public enum LendingLogKind {
  // Aave v3 IPool
  AAVE_SUPPLY(
      Protocol.AAVE_V3,
      "Supply",
      Set.of(2),
      indexed(Address.class),
      plain(Address.class),
      indexed(Address.class),
      plain(Uint256.class),
      indexed(Uint16.class)),
  AAVE_WITHDRAW(
      Protocol.AAVE_V3,
      "Withdraw",
      Set.of(2),
      indexed(Address.class),
      indexed(Address.class),
      indexed(Address.class),
      plain(Uint256.class)),
  AAVE_BORROW(
      Protocol.AAVE_V3,
      "Borrow",
      Set.of(2),
      indexed(Address.class),
      plain(Address.class),
      indexed(Address.class),
      plain(Uint256.class),
      plain(Uint8.class),
      plain(Uint256.class),
      indexed(Uint16.class)),
  AAVE_REPAY(
      Protocol.AAVE_V3,
      "Repay",
      Set.of(2, 3),
      indexed(Address.class),
      indexed(Address.class),
      indexed(Address.class),
      plain(Uint256.class),
      plain(Bool.class)),
  AAVE_LIQUIDATION_CALL(
      Protocol.AAVE_V3,
      "LiquidationCall",
      Set.of(3),
      indexed(Address.class),
      indexed(Address.class),
      indexed(Address.class),
      plain(Uint256.class),
      plain(Uint256.class),
      plain(Address.class),
      plain(Bool.class)),
  AAVE_FLASH_LOAN(
      Protocol.AAVE_V3,
      "FlashLoan",
      Set.of(1),
      indexed(Address.class),
      plain(Address.class),
      indexed(Address.class),
      plain(Uint256.class),
      plain(Uint8.class),
      plain(Uint256.class),
      indexed(Uint16.class)),
  // Compound v3 Comet
  COMET_SUPPLY(
      Protocol.COMPOUND_V3,
      "Supply",
      Set.of(1, 2),
      indexed(Address.class),
      indexed(Address.class),
      plain(Uint256.class)),
  COMET_WITHDRAW(
      Protocol.COMPOUND_V3,
      "Withdraw",
      Set.of(1),
      indexed(Address.class),
      indexed(Address.class),
      plain(Uint256.class)),
  COMET_SUPPLY_COLLATERAL(
      Protocol.COMPOUND_V3,
      "SupplyCollateral",
      Set.of(1, 2),
      indexed(Address.class),
      indexed(Address.class),
      indexed(Address.class),
      plain(Uint256.class)),
  COMET_WITHDRAW_COLLATERAL(
      Protocol.COMPOUND_V3,
      "WithdrawCollateral",
      Set.of(1),
      indexed(Address.class),
      indexed(Address.class),
      indexed(Address.class),
      plain(Uint256.class)),
  COMET_ABSORB_DEBT(
      Protocol.COMPOUND_V3,
      "AbsorbDebt",
      Set.of(1, 2),
      indexed(Address.class),
      indexed(Address.class),
      plain(Uint256.class),
      plain(Uint256.class)),
  COMET_ABSORB_COLLATERAL(
      Protocol.COMPOUND_V3,
      "AbsorbCollateral",
      Set.of(1, 2),
      indexed(Address.class),
      indexed(Address.class),
      indexed(Address.class),
      plain(Uint256.class),
      plain(Uint256.class));

  private final Protocol protocol;
  private final Event event;
  private final String topic;
  private final Set<Integer> walletTopics;

  LendingLogKind(
      Protocol protocol, String name, Set<Integer> walletTopics, TypeReference<?>... parameters) {
    this.protocol = protocol;
    this.event = new Event(name, List.of(parameters));
    this.topic = EventEncoder.encode(event);
    this.walletTopics = walletTopics;
  }

  public Protocol protocol() {
    return protocol;
  }

  /** The event's name in its protocol's ABI. */
  public String eventName() {
    return event.getName();
  }

  public Event event() {
    return event;
  }

  /**
   * keccak256 of the canonical signature, e.g. {@code
   * Supply(address,address,address,uint256,uint16)}.
   */
  public String topic() {
    return topic;
  }

  /**
   * The canonical signature the topic hashes, e.g. {@code
   * Repay(address,address,address,uint256,bool)}.
   */
  @SuppressWarnings("rawtypes")
  public String signature() {
    return event.getName()
        + event.getParameters().stream()
            .map(p -> ((Class<?>) p.getType()).getSimpleName().toLowerCase(java.util.Locale.ROOT))
            .collect(java.util.stream.Collectors.joining(",", "(", ")"));
  }

  Set<Integer> walletTopics() {
    return walletTopics;
  }

  /** The kind with this topic in this protocol, if any. */
  static java.util.Optional<LendingLogKind> of(Protocol protocol, String topic) {
    for (LendingLogKind kind : values()) {
      if (kind.protocol == protocol && kind.topic.equalsIgnoreCase(topic)) {
        return java.util.Optional.of(kind);
      }
    }
    return java.util.Optional.empty();
  }

  private static <T extends org.web3j.abi.datatypes.Type<?>> TypeReference<T> indexed(
      Class<T> type) {
    return TypeReference.create(type, true);
  }

  private static <T extends org.web3j.abi.datatypes.Type<?>> TypeReference<T> plain(Class<T> type) {
    return TypeReference.create(type, false);
  }
}
