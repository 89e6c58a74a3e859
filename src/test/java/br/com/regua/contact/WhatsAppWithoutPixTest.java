package br.com.regua.contact;

import static br.com.regua.support.MessagingProviders.contactKey;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.brazil.Uf;
import br.com.regua.charge.PaymentOptionsService;
import br.com.regua.charge.pix.PixProperties;
import br.com.regua.contact.template.MessageTemplates;
import br.com.regua.contact.whatsapp.WhatsAppChannel;
import br.com.regua.contact.whatsapp.WhatsAppProperties;
import br.com.regua.contact.whatsapp.WhatsAppTemplates;
import br.com.regua.creditor.CreditorProperties;
import br.com.regua.debt.Debt;
import br.com.regua.debt.DebtStatus;
import br.com.regua.support.MessagingProviders;
import br.com.regua.support.TestDebtors;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.web.client.RestClient;

/**
 * A creditor without a PIX key: the WhatsApp goes out as the plain approved template, since the
 * Cloud API refuses an empty parameter. The test profile configures a PIX key for every debt, so
 * this builds only the WhatsApp channel and what it needs (no engine, no database), without one.
 */
@SpringJUnitConfig(WhatsAppWithoutPixTest.WhatsAppOnly.class)
@TestPropertySource(
    properties = {
      "regua.pix.key=",
      "regua.portal.base-url=https://pagar.example.test/p",
      "regua.portal.active-key=t1",
      "regua.portal.keys.t1=test-portal-key-one-0123456789abcdef",
      "regua.whatsapp.phone-number-id=106540352242922",
      "regua.whatsapp.access-token=test-whatsapp-token",
      "regua.creditor.name=Régua Cobranças Demonstração Ltda.",
      "regua.creditor.cnpj=12.ABC.345/01DE-35",
      "regua.creditor.address=Av. Paulista, 1000, Bela Vista, São Paulo - SP, 01310-100",
      "regua.creditor.support-contact=cobranca@regua.local"
    })
class WhatsAppWithoutPixTest {

  @Configuration
  @EnableConfigurationProperties({
    PixProperties.class,
    WhatsAppProperties.class,
    CreditorProperties.class
  })
  @Import({
    PaymentOptionsService.class,
    br.com.regua.security.PortalTokens.class,
    MessageTemplates.class,
    WhatsAppTemplates.class,
    WhatsAppChannel.class
  })
  static class WhatsAppOnly {

    @Bean
    RestClient.Builder restClientBuilder() {
      return RestClient.builder();
    }

    @Bean
    java.time.Clock clock() {
      return java.time.Clock.system(java.time.ZoneId.of("America/Sao_Paulo"));
    }

    @Bean
    ObjectMapper objectMapper() {
      return new ObjectMapper();
    }
  }

  @DynamicPropertySource
  static void cloudApi(DynamicPropertyRegistry registry) {
    registry.add("regua.whatsapp.base-url", MessagingProviders::whatsAppBaseUrl);
  }

  @Autowired WhatsAppChannel whatsApp;
  @Autowired br.com.regua.security.PortalTokens portalTokens;

  @Test
  void aDebtWithoutPixGetsThePlainTemplate() {
    // given a debt of R$ 80,00 and no PIX key
    String debtId = TestDebtors.uniqueId("wa-nopix");
    UUID token = UUID.randomUUID();
    Debt debt = debt(debtId, token);
    String key = contactKey(debtId, "D+3", "WHATSAPP");
    MessagingProviders.whatsAppAnswers(
        key, okJson("{\"messages\": [{\"id\": \"wamid.%s\"}]}".formatted(debtId)));

    // when its D+3 WhatsApp goes out
    ChannelSender.Delivery delivery = whatsApp.send(debt, "negotiation-link", Map.of(), key);

    // then the Cloud API got the plain template, seven parameters, none empty, the creditor's
    // among them
    String link = portalTokens.link(token);
    assertThat(link).startsWith("https://pagar.example.test/p/t1.");
    MessagingProviders.SERVER.verify(
        1,
        MessagingProviders.whatsAppRequests(key)
            .withHeader("Authorization", equalTo("Bearer test-whatsapp-token"))
            .withRequestBody(
                equalToJson(
                    """
                    {"messaging_product": "whatsapp", "recipient_type": "individual",
                     "to": "5511987654321", "type": "template",
                     "template": {"name": "cobranca_link_negociacao_v2", "language": {"code": "pt_BR"},
                                  "components": [{"type": "body", "parameters": [
                                    {"type": "text", "text": "Maria"},
                                    {"type": "text", "text": "R$ 80,00"},
                                    {"type": "text", "text": "10/03/2027"},
                                    {"type": "text", "text": "%s"},
                                    {"type": "text", "text": "Régua Cobranças Demonstração Ltda."},
                                    {"type": "text", "text": "12.ABC.345/01DE-35"},
                                    {"type": "text", "text": "Av. Paulista, 1000, Bela Vista, São Paulo - SP, 01310-100"}]}]},
                     "biz_opaque_callback_data": "%s"}
                    """
                        .formatted(link, key))));
    // and the text for the contact log has no PIX sentence
    assertThat(delivery.payload())
        .isEqualTo(
            "Olá, Maria! O pagamento de R$ 80,00, vencido em 10/03/2027, segue em aberto. Negocie"
                + " do seu jeito, em poucos cliques: "
                + link
                + " Credor: Régua Cobranças Demonstração Ltda., CNPJ 12.ABC.345/01DE-35, Av. Paulista, 1000, Bela Vista, São Paulo - SP, 01310-100.");
  }

  private static Debt debt(String debtId, UUID paymentToken) {
    return new Debt(
        debtId,
        new Debt.DebtorRecord(
            "52998224725", "Maria Silva", "maria@example.test", "+5511987654321", Uf.SP, null),
        80_00,
        80_00,
        LocalDate.of(2027, 3, 10),
        DebtStatus.ACTIVE,
        paymentToken,
        null,
        null,
        Instant.now(),
        null,
        0,
        null,
        null,
        null);
  }
}
