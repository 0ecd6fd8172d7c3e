/**
 * The Errand control plane. {@link dev.errand.server.ErrandServer} is the composition root that
 * builds every part by hand: config, store, services, drivers, routes. Each sub-package is one
 * feature owning its records, service, store and routes.
 */
package dev.errand.server;
