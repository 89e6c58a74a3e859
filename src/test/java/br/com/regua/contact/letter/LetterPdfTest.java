package br.com.regua.contact.letter;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.charge.boleto.Boleto;
import br.com.regua.charge.pix.PixPayload;
import br.com.regua.support.PrintedCodeReader;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;

/** The letter's layout, read back with PDFBox as a person (or an envelope window) would see it. */
class LetterPdfTest {

  private static final List<String> ADDRESS =
      List.of(
          "Maria da Silva",
          "Rua Augusta, 1500 - apto 42",
          "Consolação",
          "São Paulo - SP",
          "CEP 01304-001");

  private final LetterPdf pdf = new LetterPdf();

  @Test
  void theWindowShowsTheRecipientAndNothingAboutTheDebt() throws IOException {
    // given a notice whose text is full of debt details
    String text = "# AVISO PRÉVIO DE NEGATIVAÇÃO\n\nValor em aberto: R$ 1.234,56\nart. 43, § 2º";

    // when it is laid out
    byte[] bytes = pdf.render(new LetterPdf.Letter("Loja Exemplo S.A.", ADDRESS, text));

    // then the window holds exactly the name and the address, and the text is on the page
    try (PDDocument document = Loader.loadPDF(bytes)) {
      assertThat(lines(window(document))).containsExactlyElementsOf(ADDRESS);
      assertThat(new PDFTextStripper().getText(document))
          .contains("AVISO PRÉVIO DE NEGATIVAÇÃO", "R$ 1.234,56", "art. 43, § 2º");
    }
  }

  @Test
  void aPaymentSlipPrintsAPixQrCodeAndABoletoThatReadBack() throws Exception {
    // given a letter with the debt's Pix and boleto (a BolePix)
    Boleto boleto =
        Boleto.build("237", LocalDate.of(2026, 11, 10), 480_00, "0500940144816060680935031");
    String pix =
        new PixPayload(
                "123e4567-e12b-12d1-a456-426655440000",
                null,
                "Loja Exemplo",
                "SAO PAULO",
                480_00L,
                "D000000000000000000000001")
            .payload();
    var slip =
        new LetterPdf.PaymentSlip(
            "R$ 480,00", pix, boleto.formattedDigitableLine(), boleto.barcode());

    // when it is laid out
    byte[] bytes = pdf.render(new LetterPdf.Letter("Loja Exemplo S.A.", ADDRESS, "Texto.", slip));

    // then a phone reads the Pix and a bank reads the boleto from the printed page
    try (PDDocument document = Loader.loadPDF(bytes)) {
      assertThat(new PDFTextStripper().getText(document))
          .contains("Pague com Pix ou boleto", "Valor: R$ 480,00", boleto.formattedDigitableLine());
      assertThat(PrintedCodeReader.qrCode(document, 0)).isEqualTo(pix);
      assertThat(PrintedCodeReader.boletoBarcode(document, 0)).isEqualTo(boleto.barcode());
    }
  }

  @Test
  void aSlipThatNoLongerFitsGoesOnAPageOfItsOwn() throws Exception {
    // given a letter whose text ends near the foot of its page, and a Pix-only slip
    String text = "Uma linha da carta.\n".repeat(27) + "ÚLTIMA LINHA";
    String pix =
        new PixPayload("cobranca@loja.com.br", null, "Loja", "SAO PAULO", 99_90L, "D1").payload();

    byte[] bytes =
        pdf.render(
            new LetterPdf.Letter(
                "Loja", ADDRESS, text, new LetterPdf.PaymentSlip("R$ 99,90", pix, null, null)));

    // then the slip is whole on the next page, where the QR code reads
    try (PDDocument document = Loader.loadPDF(bytes)) {
      assertThat(document.getNumberOfPages()).isEqualTo(2);
      PDFTextStripper second = new PDFTextStripper();
      second.setStartPage(2);
      assertThat(second.getText(document)).contains("Pague com Pix").doesNotContain("ÚLTIMA LINHA");
      assertThat(PrintedCodeReader.qrCode(document, 1)).isEqualTo(pix);
    }
  }

  @Test
  void aLongAddressLineWrapsInsideTheWindow() throws IOException {
    List<String> address =
        List.of(
            "Maria Aparecida dos Santos Oliveira de Albuquerque",
            "Avenida Brigadeiro Faria Lima, 3477 - Conjunto 142, Torre Norte, Bloco B",
            "Itaim Bibi",
            "São Paulo - SP",
            "CEP 04538-133");

    byte[] bytes = pdf.render(new LetterPdf.Letter("Loja", address, "Texto."));

    try (PDDocument document = Loader.loadPDF(bytes)) {
      assertThat(String.join(" ", lines(window(document)))).isEqualTo(String.join(" ", address));
    }
  }

  @Test
  void aLongLetterFlowsOntoNumberedPages() throws IOException {
    String paragraph = "Esta é uma linha de texto de uma carta longa. ".repeat(12);
    String text = (paragraph + "\n\n").repeat(12) + "FIM DA CARTA";

    byte[] bytes = pdf.render(new LetterPdf.Letter("Loja", ADDRESS, text));

    try (PDDocument document = Loader.loadPDF(bytes)) {
      int pages = document.getNumberOfPages();
      assertThat(pages).isGreaterThan(1);
      String all = new PDFTextStripper().getText(document);
      assertThat(all)
          .contains("Página 1 de " + pages, "Página " + pages + " de " + pages, "FIM DA CARTA");
      assertThat(all.indexOf("FIM DA CARTA")).isGreaterThan(all.indexOf("Página 1 de "));
    }
  }

  @Test
  void namesOutsideThePortugueseAlphabetLoseAccentsRatherThanFailing() throws IOException {
    List<String> address =
        List.of("Antonín Dvořák Nguyễn 李", "Rua A, 1", "Centro", "Rio - RJ", "CEP 1");

    byte[] bytes = pdf.render(new LetterPdf.Letter("Loja", address, "Olá, Dvořák Nguyễn!"));

    try (PDDocument document = Loader.loadPDF(bytes)) {
      assertThat(new PDFTextStripper().getText(document))
          .contains("Antonín Dvorák Nguyen ?", "Olá, Dvorák Nguyen!");
    }
  }

  @Test
  void theSameLetterGivesTheSameBytesWhateverWasRenderedBefore() throws IOException {
    // a retried job re-renders the letter, with other letters sent in between
    String text = Files.readString(Path.of("templates/letter/negativation-notice.mustache"));
    LetterPdf.Letter letter = new LetterPdf.Letter("Loja", ADDRESS, text);
    byte[] first = new LetterPdf().render(letter);
    pdf.render(new LetterPdf.Letter("Outra loja", ADDRESS, "# Outra carta\nOutro texto."));

    byte[] again = pdf.render(letter);

    // equal bytes, and so a document whose font resources are its own: a PDFBox font shared
    // between documents leaves every document but the first with a dangling font reference
    assertThat(again).isEqualTo(first);
  }

  /** The text inside the envelope's window on the first page. */
  private static String window(PDDocument document) throws IOException {
    PDFTextStripperByArea stripper = new PDFTextStripperByArea();
    float pageHeight = document.getPage(0).getMediaBox().getHeight();
    // the stripper measures from the top left; PDF coordinates start at the bottom left
    stripper.addRegion(
        "window",
        new Rectangle2D.Float(
            LetterPdf.WINDOW.getLowerLeftX(),
            pageHeight - LetterPdf.WINDOW.getUpperRightY(),
            LetterPdf.WINDOW.getWidth(),
            LetterPdf.WINDOW.getHeight()));
    stripper.extractRegions(document.getPage(0));
    return stripper.getTextForRegion("window");
  }

  private static List<String> lines(String text) {
    return text.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }
}
