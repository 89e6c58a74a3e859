/** The portfolio simulator and benchmark ({@code bin/simulate}). */
package br.com.regua.devkit.simulator;
