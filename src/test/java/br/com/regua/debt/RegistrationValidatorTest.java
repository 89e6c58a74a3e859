package br.com.regua.debt;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.regua.brazil.Uf;
import br.com.regua.support.TestDebtors;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@link RegistrationValidator} against Hibernate Validator, on the same rows. The validator
 * restates {@link RegisterDebtRequest}'s annotations in code; this test is what keeps the two from
 * drifting apart. It generates thousands of rows whose every constrained field is now and then an
 * edge value (null, blank, each limit read from the annotations and the value beyond it, malformed
 * and unusual-but-valid forms), and asserts that both give the same violations for every row, that
 * the validator never passes a row Hibernate Validator would refuse, and that the only valid rows
 * it leaves to Hibernate Validator are those with an unusual e-mail address. {@link
 * #theAnnotationsAreTheOnesTheValidatorRestates} fails at any change to the annotations, so that
 * the validator is changed with them.
 */
class RegistrationValidatorTest {

  private static final Class<?> REQUEST = RegisterDebtRequest.class;
  private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
  private static final Validator HIBERNATE = FACTORY.getValidator();

  /** Valid addresses outside {@link RegistrationValidator}'s plain form: Hibernate's to pass. */
  private static final List<String> UNUSUAL_VALID_EMAILS =
      List.of(
          "\"quoted name\"@example.com",
          "ação@example.com.br",
          "a@café.com.br",
          "a@[127.0.0.1]",
          "a!#$%&'*/=?^`{|}~@example.com",
          "a@sub_domain.example.com",
          "a@example--x.com");

  private final RegistrationValidator validator = new RegistrationValidator(HIBERNATE);
  private final Random random = new Random(14);
  private final List<String> documents =
      List.of(
          TestDebtors.cpf(),
          TestDebtors.formatted(TestDebtors.cpf()),
          TestDebtors.alphanumericCnpj(),
          TestDebtors.alphanumericCnpj().toLowerCase(),
          TestDebtors.formatted(TestDebtors.alphanumericCnpj()),
          "123.456.789-00",
          "000.000.000-00",
          "1234567890",
          "12.345.678/0001-9X",
          "529 982 247 25",
          "",
          " ");

  @AfterAll
  static void close() {
    FACTORY.close();
  }

  @Test
  void givesTheViolationsHibernateValidatorGivesForEveryRow() {
    SoftAssertions softly = new SoftAssertions();
    int valid = 0;
    for (int i = 0; i < 20_000; i++) {
      // given a row whose every field may be an edge value
      RegisterDebtRequest row = row();

      // when both validate it
      Set<String> expected = describe(HIBERNATE.validate(row));
      Set<String> actual = describe(validator.validate(row));

      // then they say the same, and the quick check passes only valid rows
      softly.assertThat(actual).as("violations of %s", row).isEqualTo(expected);
      if (RegistrationValidator.certainlyValid(row)) {
        softly.assertThat(expected).as("passed quickly: %s", row).isEmpty();
      } else if (expected.isEmpty()) {
        softly
            .assertThat(UNUSUAL_VALID_EMAILS)
            .as("valid, yet left to Hibernate Validator: %s", row)
            .contains(row.debtor().email());
      }
      valid += expected.isEmpty() ? 1 : 0;
    }
    softly.assertAll();
    assertThat(valid).as("valid rows among the generated").isBetween(2_000, 18_000);
  }

  @Test
  void theAnnotationsAreTheOnesTheValidatorRestates() {
    // RegistrationValidator checks exactly these constraints: change it together with them
    assertThat(constraints(RegisterDebtRequest.class))
        .containsExactly(
            "debtId: NotBlank, Size(0..64), Pattern([A-Za-z0-9._-]+)",
            "debtor: NotNull, Valid",
            "amount: NotNull, BrlAmount",
            "dueDate: NotNull",
            "propensityScore: Min(0), Max(1000)",
            "latePaymentCount: PositiveOrZero",
            "boleto: Valid");
    assertThat(constraints(RegisterDebtRequest.Debtor.class))
        .containsExactly(
            "document: NotNull, ValidTaxId",
            "name: NotBlank, Size(0..200)",
            "email: NotBlank, Email, Size(0..320)",
            "phone: NotNull, Pattern(\\+[1-9][0-9]{7,14}), ValidPhone",
            "state: NotNull",
            "whatsappOptIn: ",
            "address: Valid");
    assertThat(constraints(RegisterDebtRequest.Address.class))
        .containsExactly(
            "street: NotBlank, Size(0..200)",
            "number: NotBlank, Size(0..20)",
            "complement: Size(0..100)",
            "district: NotBlank, Size(0..100)",
            "city: NotBlank, Size(0..100)",
            "state: NotNull",
            "postalCode: NotNull, Pattern([0-9]{5}-?[0-9]{3})");
    assertThat(constraints(RegisterDebtRequest.BoletoReference.class))
        .containsExactly(
            "(the record): ValidBoleto",
            "barcode: ",
            "digitableLine: ",
            "ourNumber: Size(0..20), Pattern([0-9A-Za-z./ -]*)");
  }

  /** A row whose every constrained value is an ordinary one, or now and then an edge value. */
  private RegisterDebtRequest row() {
    return new RegisterDebtRequest(
        usually("debt-" + random.nextInt(1_000_000), () -> text(REQUEST, "debtId", "a/b", "ç")),
        usually(debtor(), () -> null),
        usually(
            "1234.56",
            () ->
                pick(
                    null,
                    "0",
                    "0.00",
                    "0.01",
                    "1",
                    "1.5",
                    "1.505",
                    "-1",
                    "+1",
                    "1e3",
                    "1,50",
                    " 1",
                    "9999999999999.99",
                    "99999999999999",
                    "١٢٣")),
        usually(LocalDate.of(2026, 12, 20), () -> null),
        usually(random.nextInt(1001), () -> beyond(REQUEST, "propensityScore")),
        usually(random.nextInt(5), () -> pick(null, -1, 0, Integer.MIN_VALUE, Integer.MAX_VALUE)),
        usually(null, this::boleto));
  }

  private RegisterDebtRequest.Debtor debtor() {
    Class<?> type = RegisterDebtRequest.Debtor.class;
    return new RegisterDebtRequest.Debtor(
        usually(documents.get(0), () -> pick(documents.toArray(String[]::new))),
        usually("Devedora Exemplo", () -> text(type, "name", "José", "\u00a0")),
        usually("devedora.exemplo+1@mail-server.example.com.br", this::email),
        usually("+5511987654321", this::phone),
        usually(Uf.SP, () -> pick(null, Uf.AM)),
        pick(null, true, false),
        usually(null, this::address));
  }

  private RegisterDebtRequest.Address address() {
    Class<?> type = RegisterDebtRequest.Address.class;
    if (random.nextInt(5) == 0) {
      return null;
    }
    return new RegisterDebtRequest.Address(
        usually("Av. Paulista", () -> text(type, "street")),
        usually("1000", () -> text(type, "number", "s/n", "12B")),
        usually(null, () -> text(type, "complement", "apto 12")),
        usually("Bela Vista", () -> text(type, "district")),
        usually("São Paulo", () -> text(type, "city", "Belém")),
        usually(Uf.SP, () -> null),
        usually(
            "01310-100",
            () ->
                pick(
                    null,
                    "",
                    "01310100",
                    "0131-0100",
                    "01310-10",
                    "013101000",
                    "abcde-fgh",
                    "01310 100",
                    "٠١٣١٠١٠٠")));
  }

  private RegisterDebtRequest.BoletoReference boleto() {
    String barcode = "00193373700000001000500940144816060680935031";
    String line = "00190.50095 40144.816069 06809.350314 3 37370000000100";
    String wrongLine = "00190.50095 40144.816069 06809.350314 4 37370000000100";
    String ourNumber =
        usually(
            null,
            () ->
                text(
                    RegisterDebtRequest.BoletoReference.class,
                    "ourNumber",
                    "0001234-5",
                    "12/34.5 A",
                    "#"));
    return switch (random.nextInt(6)) {
      case 0 -> new RegisterDebtRequest.BoletoReference(barcode, null, ourNumber);
      case 1 -> new RegisterDebtRequest.BoletoReference(null, line, ourNumber);
      case 2 -> new RegisterDebtRequest.BoletoReference(barcode, line, ourNumber);
      case 3 -> new RegisterDebtRequest.BoletoReference(null, null, ourNumber);
      case 4 -> new RegisterDebtRequest.BoletoReference(null, wrongLine, ourNumber);
      default -> new RegisterDebtRequest.BoletoReference(barcode.replace('3', '4'), null, null);
    };
  }

  private String email() {
    if (random.nextInt(4) == 0) {
      return pick(UNUSUAL_VALID_EMAILS.toArray(String[]::new));
    }
    String label63 = "d".repeat(63);
    return pick(
        null,
        "",
        " ",
        "a@b",
        "a@b.co",
        "Nome.Sobrenome@Example.COM",
        "a_b-c+d@x-y.example.com.br",
        "a",
        "a@",
        "@b.com",
        "a..b@x.com",
        ".a@x.com",
        "a.@x.com",
        "a@x..com",
        "a@-x.com",
        "a@x-.com",
        "a@x.com.",
        "a b@x.com",
        "a@b@c.com",
        "a@" + label63 + ".com",
        "a@" + label63 + "d.com",
        "l".repeat(64) + "@x.com",
        "l".repeat(65) + "@x.com",
        "a@" + (label63 + ".").repeat(3) + "d".repeat(61),
        "a@" + (label63 + ".").repeat(3) + "d".repeat(62),
        "a@" + (label63 + ".").repeat(4) + "com",
        "l".repeat(64) + "@" + (label63 + ".").repeat(3) + "d".repeat(63));
  }

  /** Brazilian numbers of every DDD, valid or not, and other forms of number. */
  private String phone() {
    String ddd = String.format("%02d", 10 + random.nextInt(90));
    String subscriber = String.format("%09d", random.nextInt(1_000_000_000));
    return pick(
        null,
        "",
        "+551133334444",
        "+5511087654321",
        "5511987654321",
        "+55 11 98765-4321",
        "+14155552671",
        "+1234567",
        "+558001234567",
        "+5501133334444",
        "+0511987654321",
        "+5511\uff1987654321",
        "+55" + ddd + subscriber,
        "+55" + ddd + subscriber.substring(1),
        "+55" + ddd + "9" + subscriber.substring(1),
        "+55" + ddd + subscriber + "12");
  }

  /**
   * A value for a text field: null, blank ones (what {@code trim()} empties, and what it keeps),
   * the longest its {@code @Size} allows and one longer, or one of the examples.
   */
  private String text(Class<?> record, String component, String... examples) {
    int max = maxSize(record, component);
    List<String> values = new ArrayList<>(Arrays.asList(examples));
    values.addAll(
        Arrays.asList(
            null,
            "",
            " ",
            "\t\n",
            "\u0001",
            "\u2003",
            " x ",
            "x".repeat(max),
            "x".repeat(max + 1),
            " ".repeat(max + 1),
            "ç".repeat(max)));
    return values.get(random.nextInt(values.size()));
  }

  /** Mostly the ordinary value; one time in twelve, an edge value. */
  private <T> T usually(T ordinary, Supplier<T> edge) {
    return random.nextInt(12) == 0 ? edge.get() : ordinary;
  }

  @SafeVarargs
  private <T> T pick(T... values) {
    return values[random.nextInt(values.length)];
  }

  /** The limits of the component's {@code @Min} and {@code @Max}, and the values just beyond. */
  private Integer beyond(Class<?> record, String component) {
    Field c = component(record, component);
    int min = (int) c.getAnnotation(Min.class).value();
    int max = (int) c.getAnnotation(Max.class).value();
    return pick(null, min - 1, min, max, max + 1, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  private static int maxSize(Class<?> record, String component) {
    Size size = component(record, component).getAnnotation(Size.class);
    return size == null ? 1000 : size.max();
  }

  /** The component's field: where the constraints are, as Hibernate Validator reads them. */
  private static Field component(Class<?> record, String name) {
    try {
      return record.getDeclaredField(name);
    } catch (NoSuchFieldException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Each component's constraints, as "name: Annotation(limits), …", the record's first. */
  private static List<String> constraints(Class<?> record) {
    List<String> lines = new ArrayList<>();
    if (record.getAnnotations().length > 0) {
      lines.add("(the record): " + describe(record.getAnnotations()));
    }
    for (RecordComponent c : record.getRecordComponents()) {
      lines.add(c.getName() + ": " + describe(component(record, c.getName()).getAnnotations()));
    }
    return lines;
  }

  private static String describe(Annotation[] annotations) {
    return Arrays.stream(annotations)
        .map(
            a ->
                switch (a) {
                  case Size s -> "Size(" + s.min() + ".." + s.max() + ")";
                  case Min m -> "Min(" + m.value() + ")";
                  case Max m -> "Max(" + m.value() + ")";
                  case Pattern p -> "Pattern(" + p.regexp() + ")";
                  default -> a.annotationType().getSimpleName();
                })
        .collect(Collectors.joining(", "));
  }

  private static Set<String> describe(Set<? extends ConstraintViolation<?>> violations) {
    return violations.stream()
        .map(v -> v.getPropertyPath() + ": " + v.getMessage())
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
