/**
 * The engine gateway: process ids, message names and job types ({@code JourneyModel}), starting
 * journeys, the message outbox and relay, the clock, engine health. Uses no feature.
 */
package br.com.regua.engine;
