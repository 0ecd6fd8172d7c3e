/** The server's configuration: one tree of records, loaded once; each feature receives only its part. */
package dev.errand.server.config;
