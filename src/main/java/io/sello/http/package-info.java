/**
 * What every HTTP endpoint shares, whichever feature package it lives in (the web layer, spreadsheet imports): the
 * warning headers and the unknown-type refusal. Its own package so that features with controllers and the web layer
 * both depend on it, and not on each other in a cycle (ArchitectureTest, issue 18 point 4).
 */
package io.sello.http;
