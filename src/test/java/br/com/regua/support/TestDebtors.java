package br.com.regua.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh debtors for tests: valid CPFs and unique addresses, so tests never share a mailbox. */
public final class TestDebtors {

  /**
   * Every CPF {@link #cpf()} handed out, one a line: after the tests, {@link UnmaskedPiiScan} looks
   * for them in the logs.
   */
  public static final Path ISSUED_CPFS = Path.of("target", "test-pii", "issued-cpfs.txt");

  private TestDebtors() {}

  /** A random CPF with correct check digits, remembered in {@link #ISSUED_CPFS}. */
  public static String cpf() {
    String cpf = randomCpf();
    remember(cpf);
    return cpf;
  }

  /**
   * A random alphanumeric CNPJ (IN RFB 2.229/2024) with correct check digits, in upper case,
   * remembered in {@link #ISSUED_CPFS} like a CPF.
   */
  public static String alphanumericCnpj() {
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    ThreadLocalRandom random = ThreadLocalRandom.current();
    StringBuilder cnpj = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      cnpj.append(alphabet.charAt(i < 2 ? 10 + random.nextInt(26) : random.nextInt(36)));
    }
    int[] weights = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
    for (int length = 12; length < 14; length++) {
      int sum = 0;
      for (int i = 0; i < length; i++) {
        sum += (cnpj.charAt(i) - '0') * weights[i + 13 - length];
      }
      int remainder = sum % 11;
      cnpj.append(remainder < 2 ? 0 : 11 - remainder);
    }
    remember(cnpj.toString());
    return cnpj.toString();
  }

  /** The CPF or CNPJ as people write it: 529.982.247-25, 12.ABC.345/01DE-35. */
  public static String formatted(String cpf) {
    if (cpf.length() == 14) {
      return cpf.substring(0, 2)
          + "."
          + cpf.substring(2, 5)
          + "."
          + cpf.substring(5, 8)
          + "/"
          + cpf.substring(8, 12)
          + "-"
          + cpf.substring(12);
    }
    return cpf.substring(0, 3)
        + "."
        + cpf.substring(3, 6)
        + "."
        + cpf.substring(6, 9)
        + "-"
        + cpf.substring(9);
  }

  private static synchronized void remember(String cpf) {
    try {
      Files.createDirectories(ISSUED_CPFS.getParent());
      Files.writeString(
          ISSUED_CPFS, cpf + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String randomCpf() {
    int[] d = new int[11];
    ThreadLocalRandom random = ThreadLocalRandom.current();
    do {
      for (int i = 0; i < 9; i++) {
        d[i] = random.nextInt(10);
      }
    } while (d[0] == d[1] && d[1] == d[2]);
    d[9] = check(d, 9, 10);
    d[10] = check(d, 10, 11);
    StringBuilder cpf = new StringBuilder();
    for (int digit : d) {
      cpf.append(digit);
    }
    return cpf.toString();
  }

  private static int check(int[] d, int length, int firstWeight) {
    int sum = 0;
    for (int i = 0; i < length; i++) {
      sum += d[i] * (firstWeight - i);
    }
    int remainder = sum % 11;
    return remainder < 2 ? 0 : 11 - remainder;
  }

  public static String uniqueId(String prefix) {
    return prefix
        + "-"
        + Long.toString(System.nanoTime(), 36)
        + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
  }
}
