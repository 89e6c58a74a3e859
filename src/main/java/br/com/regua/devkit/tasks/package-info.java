/** The agents' user tasks on the in-JVM engine. */
package br.com.regua.devkit.tasks;
