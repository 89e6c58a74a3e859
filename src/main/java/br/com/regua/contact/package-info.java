/**
 * Reaching debtors under the contact policy: {@code ContactService} decides, a {@code
 * ChannelSender} per channel sends, the contact log remembers.
 */
package br.com.regua.contact;
