/**
 * The agents' user tasks, on either engine, and the workers that prepare them and record their
 * outcome.
 */
package br.com.regua.tasks;
