package io.credence.modulithfixture.intruder;

import io.credence.modulithfixture.vault.internal.Secret;

/** Test fixture: a module that uses another module's internal type, which verification refuses. */
public class Intruder {
  Secret stolen = new Secret();
}
