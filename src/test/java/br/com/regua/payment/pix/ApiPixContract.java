package br.com.regua.payment.pix;

import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.util.List;

/**
 * The Banco Central's API Pix, OpenAPI 2.9.0 ({@code src/test/resources/bcb/}, a copy of {@code
 * ../shared/specs/bcb-api-pix-2.9.0.yaml}, Apache 2.0), and Atlassian's swagger-request-validator
 * to check JSON against its schemas: what the PSP sends us and what we send the PSP.
 */
public final class ApiPixContract {

  private static final OpenAPI SPEC = load(true);
  private static final OpenAPI AS_WRITTEN = load(false);

  /**
   * The validator adds {@code additionalProperties: false} to every object schema unless told not
   * to; the API Pix never says it, and its {@code componentesValor} is an {@code anyOf} of objects
   * each naming one part, which nothing could match if each refused the others' parts. So the
   * schemas are checked as the standard writes them.
   */
  private static final SchemaValidator VALIDATOR = validator(SPEC);

  private static final SchemaValidator VALIDATOR_AS_WRITTEN = validator(AS_WRITTEN);

  private static SchemaValidator validator(OpenAPI spec) {
    return new SchemaValidator(
        spec,
        new MessageResolver(
            LevelResolver.create()
                .withLevel(SchemaValidator.ADDITIONAL_PROPERTIES_KEY, ValidationReport.Level.IGNORE)
                .build()));
  }

  private ApiPixContract() {}

  /**
   * The document, read as JSON Schema reads it or, {@code corrected}, with its JavaScript-style
   * patterns ({@code "/^\\d{11}$/"}, the CPF's and the ISPB's) read without their slashes: as
   * written, JSON Schema (ECMA 262) takes the slashes literally and no CPF matches.
   */
  private static OpenAPI load(boolean corrected) {
    String text;
    try (var in = ApiPixContract.class.getResourceAsStream("/bcb/bcb-api-pix-2.9.0.yaml")) {
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    if (corrected) {
      text = text.replaceAll("pattern: \"/(\\^[^\"]*\\$)/\"", "pattern: \"$1\"");
    }
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    var result = new OpenAPIV3Parser().readContents(text, null, options);
    if (result.getOpenAPI() == null) {
      throw new IllegalStateException(
          "the API Pix document does not parse: " + result.getMessages());
    }
    return result.getOpenAPI();
  }

  /** The document's version ({@code info.version}). */
  public static String version() {
    return SPEC.getInfo().getVersion();
  }

  /** The messages of the body's check against {@code WebhookPixBody}; empty when it conforms. */
  public static List<String> checkPixNotification(String body) {
    Schema<?> schema =
        SPEC.getComponents()
            .getRequestBodies()
            .get("WebhookPixBody")
            .getContent()
            .get("application/json")
            .getSchema();
    return messages(VALIDATOR.validate(body, schema, "webhook.pix"));
  }

  /** The messages of a JSON value's check against {@code components.schemas.<name>}. */
  public static List<String> checkSchema(String name, String json) {
    Schema<?> schema = SPEC.getComponents().getSchemas().get(name);
    if (schema == null) {
      throw new IllegalArgumentException("no schema " + name + " in the API Pix");
    }
    return messages(VALIDATOR.validate(json, schema, name));
  }

  /** {@link #checkSchema} against the document exactly as written (see {@link #load}). */
  public static List<String> checkSchemaAsWritten(String name, String json) {
    return messages(
        VALIDATOR_AS_WRITTEN.validate(
            json, AS_WRITTEN.getComponents().getSchemas().get(name), name));
  }

  /** The JSON of an example of the document ({@code components.examples.<name>.value}). */
  public static String example(String name) {
    Object value = SPEC.getComponents().getExamples().get(name).getValue();
    return io.swagger.v3.core.util.Json.pretty(value);
  }

  private static List<String> messages(ValidationReport report) {
    return report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .map(m -> m.getKey() + ": " + m.getMessage())
        .toList();
  }
}
