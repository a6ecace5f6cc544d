package io.credence.borrower;

import java.io.Serializable;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The signed-in borrower. Stored in the (database-backed) session, hence serializable; its name is
 * the profile id.
 *
 * @param profileId their profile
 * @param address the wallet they signed in with
 */
public record BorrowerPrincipal(ProfileId profileId, String address)
    implements AuthenticatedPrincipal, Serializable {

  @Override
  public String getName() {
    return profileId.toString();
  }
}
