package io.credence.modulithfixture.vault.internal;

/** Test fixture: a type internal to the {@code vault} module. */
public class Secret {}
