package io.credence.security;

import java.util.UUID;

/**
 * The signed-in borrower.
 *
 * @param profileId their profile
 * @param address the wallet they signed in with
 */
public record BorrowerPrincipal(UUID profileId, String address) {}
