package io.credence.attestation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.credence.attestation.AttestationUid;
import io.credence.attestations.Bytes32;
import io.credence.attestations.Eip712;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.StructuredDataEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code eth_signTypedData_v4} payload the API hands out is exactly what the registry and the
 * server check: a wallet hashing it (web3j's EIP-712 encoder here) gets the consent digest.
 */
class MintConsentTypedDataTest {

  @Test
  void theTypedDataHashesToTheRegistrysConsentDigest() throws Exception {
    byte[] raw = new byte[32];
    raw[31] = 7;
    raw[0] = (byte) 0xab;
    AttestationUid uid = AttestationUid.of(raw);
    String registry = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    String json =
        JsonMapper.builder().build().writeValueAsString(Issuance.typedData(uid, 31337, registry));

    byte[] walletHash = new StructuredDataEncoder(json).hashStructuredData();

    Bytes32 expected = Eip712.consentDigest(Bytes32.of(raw), 31337, new Address(registry));
    assertThat(HexFormat.of().formatHex(walletHash)).isEqualTo(expected.hex().substring(2));
    assertThat(
            HexFormat.of()
                .formatHex(
                    new StructuredDataEncoder(
                            JsonMapper.builder()
                                .build()
                                .writeValueAsString(Issuance.typedData(uid, 31338, registry)))
                        .hashStructuredData()))
        .isNotEqualTo(expected.hex().substring(2));
  }
}
