/** Server health: version, store readiness and each driver's usability, public so probes need no key. */
package dev.errand.server.health;
