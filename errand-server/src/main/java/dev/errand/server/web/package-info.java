/**
 * The web app: its files served from the jar (plain ES modules and CSS of our own, plus the
 * third-party browser code the build takes from npm), and browser sessions, which exchange an API
 * key once for an HttpOnly, SameSite=Strict cookie with a CSRF token, so that no key is kept in
 * the browser.
 */
package dev.errand.server.web;
