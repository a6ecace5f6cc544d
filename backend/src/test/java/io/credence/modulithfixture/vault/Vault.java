package io.credence.modulithfixture.vault;

/** Test fixture: the {@code vault} module's API. */
public class Vault {}
