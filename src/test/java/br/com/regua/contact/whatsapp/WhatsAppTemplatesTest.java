package br.com.regua.contact.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The approved WhatsApp template sent is the first variant whose parameters all have values: the
 * PIX one when the debt has a PIX charge, the plain one when it has none (no PIX key configured),
 * since the Cloud API refuses an empty parameter.
 */
class WhatsAppTemplatesTest {

  private final WhatsAppTemplates templates =
      new WhatsAppTemplates(new DefaultResourceLoader(), new ObjectMapper());

  @Test
  void aDebtWithPixGetsThePixVariant() {
    // given a message whose debt has a PIX charge
    Map<String, Object> model = model("00020101021226…6304ABCD");

    // when
    WhatsAppTemplates.Approved approved = templates.approved("negotiation-link", model);

    // then
    assertThat(approved.name()).isEqualTo("cobranca_link_negociacao_pix_v2");
    assertThat(approved.language()).isEqualTo("pt_BR");
    assertThat(approved.parameters())
        .containsExactly(
            "nome",
            "valor",
            "vencimento",
            "linkPagamento",
            "pixCopiaECola",
            "credor",
            "cnpjCredor",
            "enderecoCredor");
  }

  @Test
  void aDebtWithoutPixGetsThePlainVariant() {
    // given messages whose debt has no PIX charge (null, as MessageTemplates puts it, or blank)
    for (String pix : new String[] {null, "", "  "}) {
      // when
      WhatsAppTemplates.Approved approved = templates.approved("negotiation-link", model(pix));

      // then
      assertThat(approved.name()).isEqualTo("cobranca_link_negociacao_v2");
      assertThat(approved.parameters())
          .containsExactly(
              "nome",
              "valor",
              "vencimento",
              "linkPagamento",
              "credor",
              "cnpjCredor",
              "enderecoCredor");
    }
  }

  @Test
  void theEmailOpenedFollowUpChoosesTheSameWay() {
    assertThat(templates.approved("email-opened-follow-up", model("000201…")).name())
        .isEqualTo("cobranca_acompanhamento_email_pix_v2");
    assertThat(templates.approved("email-opened-follow-up", model(null)).name())
        .isEqualTo("cobranca_acompanhamento_email_v2");
  }

  @Test
  void noVariantThatFitsIsATemplateMistake() throws IOException {
    // given a mapping whose only variant needs the PIX payload
    WhatsAppTemplates.Variants variants =
        read(
            """
            {"variants": [{"name": "so_pix", "parameters": ["nome", "pixCopiaECola"]}]}
            """);

    // then a debt without PIX fails the job (it retries, then an incident), saying what is missing
    assertThatThrownBy(() -> variants.choose(model(null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("templates/whatsapp/test.json")
        .hasMessageContaining("[pixCopiaECola]");
  }

  @Test
  void theSingleTemplateShapeIsOneVariant() throws IOException {
    WhatsAppTemplates.Variants variants =
        read(
            """
            {"name": "cobranca_link_negociacao", "language": "pt_BR",
             "parameters": ["nome", "valor", "vencimento", "linkPagamento"]}
            """);

    assertThat(variants.variants())
        .containsExactly(
            new WhatsAppTemplates.Approved(
                "cobranca_link_negociacao",
                "pt_BR",
                List.of("nome", "valor", "vencimento", "linkPagamento")));
    assertThat(variants.choose(model("000201…")).name()).isEqualTo("cobranca_link_negociacao");
  }

  @Test
  void aVariantInheritsTheFilesLanguageUnlessItHasItsOwn() throws IOException {
    WhatsAppTemplates.Variants variants =
        read(
            """
            {"language": "pt_PT",
             "variants": [{"name": "a", "parameters": ["nome"], "language": "es"},
                          {"name": "b", "parameters": ["nome"]}]}
            """);

    assertThat(variants.variants())
        .extracting(WhatsAppTemplates.Approved::language)
        .containsExactly("es", "pt_PT");
  }

  @Test
  void bothShapesAtOnceAreRefused() {
    assertThatThrownBy(
            () ->
                read(
                    """
                    {"name": "a", "parameters": ["nome"],
                     "variants": [{"name": "b", "parameters": ["nome"]}]}
                    """))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> read("{\"variants\": []}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("names no approved template");
  }

  private static Map<String, Object> model(String pix) {
    Map<String, Object> model = new HashMap<>();
    model.put("nome", "Maria");
    model.put("valor", "R$ 80,00");
    model.put("vencimento", "10/03/2027");
    model.put("linkPagamento", "https://pagar.example.test/p/abc");
    model.put("linhaDigitavel", null);
    model.put("pixCopiaECola", pix);
    model.put("credor", "Régua Cobranças Demonstração Ltda.");
    model.put("cnpjCredor", "12.ABC.345/01DE-35");
    model.put("enderecoCredor", "Av. Paulista, 1000, São Paulo - SP");
    return model;
  }

  private static WhatsAppTemplates.Variants read(String json) throws IOException {
    return WhatsAppTemplates.read(
        new ObjectMapper(),
        "test",
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
