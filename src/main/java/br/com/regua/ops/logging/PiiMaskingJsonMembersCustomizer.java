package br.com.regua.ops.logging;

import org.springframework.boot.json.JsonWriter.Members;
import org.springframework.boot.json.JsonWriter.ValueProcessor;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Masks CPF, CNPJ, phones and emails ({@link PiiMasker}) in every string a structured log line
 * (ECS, Logstash, GELF) writes: the message, the exception's message and stack trace, MDC and key
 * values. Registered in META-INF/spring.factories, so it applies to every structured format.
 */
public class PiiMaskingJsonMembersCustomizer
    implements StructuredLoggingJsonMembersCustomizer<Object> {

  @Override
  public void customize(Members<Object> members) {
    members.applyingValueProcessor(ValueProcessor.of(String.class, PiiMasker::mask));
  }
}
