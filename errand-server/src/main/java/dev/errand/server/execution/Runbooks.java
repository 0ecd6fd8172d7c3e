package dev.errand.server.execution;

import dev.errand.server.lock.LockStore;
import dev.errand.server.secret.SecretService;
import dev.errand.server.usage.CostRates;

/**
 * The runbook features an execution draws on besides its image: secrets to check and inject,
 * locks to take, the cost rates and the default output cap.
 *
 * @param secrets the secrets feature
 * @param locks lock rows
 * @param rates prices for the cost estimate
 * @param outputCapBytes the most bytes of output stored unless the request or image says less
 * @param allowFileGitUrls whether git sources may read the server's disk through {@code file://}
 */
public record Runbooks(SecretService secrets, LockStore locks, CostRates rates, long outputCapBytes,
        boolean allowFileGitUrls) {}
