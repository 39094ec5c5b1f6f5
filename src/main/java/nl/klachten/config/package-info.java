/**
 * Cross-cutting wiring only: the Clock bean.
 */
package nl.klachten.config;
