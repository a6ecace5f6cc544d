package io.credence.security;

import java.io.Serializable;
import java.util.UUID;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The signed-in borrower. Stored in the (database-backed) session, hence serializable; its name is
 * the profile id.
 *
 * @param profileId their profile
 * @param address the wallet they signed in with
 */
public record BorrowerPrincipal(UUID profileId, String address)
    implements AuthenticatedPrincipal, Serializable {

  @Override
  public String getName() {
    return profileId.toString();
  }
}
