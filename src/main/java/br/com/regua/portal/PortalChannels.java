package br.com.regua.portal;

import br.com.regua.consent.Channel;
import br.com.regua.consent.ChannelConsents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The debtor's channel choices as the portal shows them: each channel, its state, what may change.
 */
@Component
class PortalChannels {

  record ChannelLine(
      String channel, String label, String state, boolean canOptOut, boolean canOptIn) {}

  private final ChannelConsents consents;

  PortalChannels(ChannelConsents consents) {
    this.consents = consents;
  }

  List<ChannelLine> of(String document) {
    Map<Channel, ChannelConsents.Consent> choices = consents.of(document);
    List<ChannelLine> lines = new ArrayList<>();
    for (Channel channel : Channel.values()) {
      ChannelConsents.Consent consent = choices.get(channel);
      String state;
      if (consent == ChannelConsents.Consent.OPT_OUT) {
        state = "Você pediu para não receber";
      } else if (ChannelConsents.allows(choices, channel)) {
        state = "Ativo";
      } else if (channel == Channel.WHATSAPP && consent == null) {
        state = "Só com a sua autorização";
      } else {
        state = "Indisponível";
      }
      lines.add(
          new ChannelLine(
              channel.name(),
              label(channel),
              state,
              consent != ChannelConsents.Consent.OPT_OUT,
              channel == Channel.WHATSAPP && consent == null));
    }
    return lines;
  }

  static String label(Channel channel) {
    return switch (channel) {
      case EMAIL -> "E-mail";
      case SMS -> "SMS";
      case WHATSAPP -> "WhatsApp";
      case LETTER -> "Carta";
    };
  }
}
