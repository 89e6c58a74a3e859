package br.com.regua.contact;

import br.com.regua.consent.Channel;
import java.time.Instant;

/**
 * What a contact request came to. {@code postponedUntil} is set only for {@link
 * ContactOutcome#POSTPONED}: the journey waits until then and asks again. {@code at} is when the
 * contact was made (the first time, for a repeated request).
 */
public record ContactAttempt(
    ContactOutcome outcome, Channel channel, Instant at, Instant postponedUntil) {}
