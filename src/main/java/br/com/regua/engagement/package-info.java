/** Engagement events (email opened, portal visited) fed to the journey. */
package br.com.regua.engagement;
