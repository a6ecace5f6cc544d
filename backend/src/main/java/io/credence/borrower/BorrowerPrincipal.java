package io.credence.borrower;

import io.credence.platform.WalletPrincipal;
import java.io.Serializable;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The signed-in borrower. Stored in the (database-backed) session, hence serializable; its name is
 * the profile id. (Records are serialized without a serialVersionUID check, so sessions stored
 * before it implemented {@link WalletPrincipal} still read back.)
 *
 * @param profileId their profile
 * @param address the wallet they signed in with
 */
public record BorrowerPrincipal(ProfileId profileId, String address)
    implements AuthenticatedPrincipal, WalletPrincipal, Serializable {

  @Override
  public String getName() {
    return profileId.toString();
  }
}
