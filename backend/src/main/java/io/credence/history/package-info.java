/** Planned: lending history read from chain events per linked wallet (the history issue). */
@ApplicationModule(
    displayName = "History",
    allowedDependencies = {"platform", "borrower"})
package io.credence.history;

import org.springframework.modulith.ApplicationModule;
