/**
 * Not for production: the in-JVM engine, the development providers and the simulator. Production
 * code never uses this package ({@code ArchitectureTest}); it runs in embedded mode only.
 */
package br.com.regua.devkit;
