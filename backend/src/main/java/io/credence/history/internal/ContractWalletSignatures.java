package io.credence.history.internal;

import io.credence.auth.ContractWalletSignatureCheck;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Bytes4;
import org.web3j.crypto.Sign;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * EIP-1271: asks the contract wallet's {@code isValidSignature(bytes32 hash, bytes signature)} on
 * the chain named in the sign-in message (a configured chain; any other chain id is refused), with
 * {@code hash} the EIP-191 {@code personal_sign} digest of the signed text, at the latest block.
 * Only the magic value {@code 0x1626ba7e} accepts; a revert, an empty answer (not a contract), an
 * unknown chain or an unreachable node refuses.
 */
@Component
class ContractWalletSignatures implements ContractWalletSignatureCheck {

  private static final Logger log = LoggerFactory.getLogger(ContractWalletSignatures.class);
  static final String MAGIC_VALUE = "0x1626ba7e";

  private final ChainsProperties chains;
  private final Map<Long, Web3j> clients = new ConcurrentHashMap<>();

  ContractWalletSignatures(ChainsProperties chains) {
    this.chains = chains;
  }

  @Override
  public boolean isValidSignature(
      String chainId, String address, byte[] message, byte[] signature) {
    long id;
    try {
      id = Long.parseLong(chainId);
    } catch (NumberFormatException e) {
      return false;
    }
    var chain = chains.chain(id);
    if (chain.isEmpty()) {
      return false;
    }
    Function call =
        new Function(
            "isValidSignature",
            List.of(new Bytes32(Sign.getEthereumMessageHash(message)), new DynamicBytes(signature)),
            List.of(new TypeReference<Bytes4>() {}));
    Web3j web3j =
        clients.computeIfAbsent(id, key -> Web3j.build(new HttpService(chain.get().rpcUrl())));
    try {
      var answer =
          web3j
              .ethCall(
                  Transaction.createEthCallTransaction(null, address, FunctionEncoder.encode(call)),
                  DefaultBlockParameterName.LATEST)
              .send();
      if (answer.hasError() || answer.isReverted() || answer.getValue() == null) {
        return false;
      }
      byte[] result = Numeric.hexStringToByteArray(answer.getValue());
      // An ABI-encoded bytes4 is one 32-byte word, left-aligned.
      return result.length == 32
          && Numeric.toHexString(result, 0, 4, true).equals(MAGIC_VALUE)
          && new BigInteger(1, java.util.Arrays.copyOfRange(result, 4, 32)).signum() == 0;
    } catch (IOException | RuntimeException e) {
      log.warn("EIP-1271 check on chain {} failed: {}", id, e.getMessage());
      return false;
    }
  }
}
