/**
 * Embedded mode's in-JVM Zeebe engine (zeebe-process-test, Camunda License 1.0: non-production use
 * only) and its clock.
 */
package br.com.regua.devkit.engine;
