/**
 * Usage and cost: what each execution used (wall time, CPU seconds, peak memory), its estimated
 * cost from configurable rates, and sums by user or image over a period.
 */
package dev.errand.server.usage;
