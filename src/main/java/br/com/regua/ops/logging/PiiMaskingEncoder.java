package br.com.regua.ops.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * The console's encoder (logback-spring.xml): Spring Boot's text line with every CPF, CNPJ, phone
 * and email masked ({@link PiiMasker}), whatever logger wrote it and wherever the value is (the
 * message, an exception's message, a stack trace, the MDC if the pattern shows it); or, when {@code
 * logging.structured.format.console} names a format (ecs, logstash, gelf), Spring Boot's {@link
 * StructuredLogEncoder}, whose string values {@link PiiMaskingJsonMembersCustomizer} masks.
 */
public class PiiMaskingEncoder extends EncoderBase<ILoggingEvent> {

  private String pattern;
  private String structuredFormat;
  private Charset charset = StandardCharsets.UTF_8;
  private PatternLayout layout;
  private Encoder<ILoggingEvent> structured;

  public void setPattern(String pattern) {
    this.pattern = pattern;
  }

  /** Spring Boot's CONSOLE_LOG_STRUCTURED_FORMAT: empty for text. */
  public void setStructuredFormat(String structuredFormat) {
    this.structuredFormat = structuredFormat;
  }

  public void setCharset(Charset charset) {
    this.charset = charset;
  }

  @Override
  public void start() {
    if (structuredFormat != null && !structuredFormat.isBlank()) {
      StructuredLogEncoder encoder = new StructuredLogEncoder();
      encoder.setContext(getContext());
      encoder.setFormat(structuredFormat.strip());
      encoder.setCharset(charset);
      encoder.start();
      structured = encoder;
    } else {
      layout = new PatternLayout();
      layout.setContext(getContext());
      layout.setPattern(pattern);
      layout.start();
    }
    super.start();
  }

  @Override
  public void stop() {
    if (structured != null) {
      structured.stop();
    }
    if (layout != null) {
      layout.stop();
    }
    super.stop();
  }

  @Override
  public byte[] headerBytes() {
    return structured != null ? structured.headerBytes() : null;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    if (structured != null) {
      return structured.encode(event);
    }
    return PiiMasker.mask(layout.doLayout(event)).getBytes(charset);
  }

  @Override
  public byte[] footerBytes() {
    return structured != null ? structured.footerBytes() : null;
  }
}
