package br.com.regua.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.regua.consent.Channel;
import br.com.regua.contact.letter.PrintProviderUnavailableException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** A dead provider is not called for a while: its contacts fail at once and retry later. */
class ProviderCircuitTest {

  private final AtomicLong now = new AtomicLong();
  private final ProviderCircuit circuit = new ProviderCircuit(3, Duration.ofSeconds(30), now::get);

  @Test
  void opensAfterFailuresInARowThenLetsOneCallThroughAfterTheWait() {
    RuntimeException down = new ChannelDeliveryException("SMS failed at the provider: HTTP 503");
    circuit.failure(Channel.SMS, down);
    circuit.failure(Channel.SMS, down);
    circuit.beforeCall(Channel.SMS); // two failures: still called

    circuit.failure(Channel.SMS, down);

    assertThat(circuit.isOpen(Channel.SMS)).isTrue();
    assertThatThrownBy(() -> circuit.beforeCall(Channel.SMS))
        .isInstanceOf(ChannelDeliveryException.class)
        .hasMessageContaining("circuit open")
        .hasMessageContaining("HTTP 503");
    circuit.beforeCall(Channel.EMAIL); // other channels are not affected

    now.addAndGet(Duration.ofSeconds(31).toNanos());
    circuit.beforeCall(Channel.SMS); // one try after the wait
    circuit.failure(Channel.SMS, down); // still down: open again
    assertThat(circuit.isOpen(Channel.SMS)).isTrue();

    now.addAndGet(Duration.ofSeconds(31).toNanos());
    circuit.beforeCall(Channel.SMS);
    circuit.success(Channel.SMS); // back
    assertThat(circuit.isOpen(Channel.SMS)).isFalse();
    circuit.failure(Channel.SMS, down);
    circuit.beforeCall(Channel.SMS); // the count started over
  }

  @Test
  void aSuccessBetweenFailuresKeepsItClosed() {
    RuntimeException down = new ChannelDeliveryException("timeout");
    circuit.failure(Channel.WHATSAPP, down);
    circuit.failure(Channel.WHATSAPP, down);
    circuit.success(Channel.WHATSAPP);
    circuit.failure(Channel.WHATSAPP, down);
    circuit.failure(Channel.WHATSAPP, down);

    assertThat(circuit.isOpen(Channel.WHATSAPP)).isFalse();
  }

  @Test
  void onlyTheProvidersOwnFailuresCount() {
    assertThat(ProviderCircuit.isProviderFailure(new ChannelDeliveryException("503"))).isTrue();
    assertThat(ProviderCircuit.isProviderFailure(new MailSendException("SMTP down"))).isTrue();
    assertThat(ProviderCircuit.isProviderFailure(new PrintProviderUnavailableException("x", null)))
        .isTrue();
    assertThat(
            ProviderCircuit.isProviderFailure(new UndeliverableException(Channel.EMAIL, "bounced")))
        .isFalse();
  }
}
