package br.com.regua.devkit.simulator;

import br.com.regua.brazil.Uf;
import br.com.regua.debt.RegisterDebtRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic portfolio: one debtor per debt (so the daily contact limit never couples two debts),
 * valid CPFs and mobile numbers, amounts from R$ 50 to about R$ 5,000 skewed low, states weighted
 * roughly by population, propensity scores and late-payment histories spread so the strategy table
 * picks all its rows. Pure function of the seed.
 */
public final class Portfolio {

  /** States with their weight in the portfolio (the rest share what is left). */
  private static final Uf[] STATES = {
    Uf.SP, Uf.SP, Uf.SP, Uf.SP, Uf.SP, Uf.SP, Uf.RJ, Uf.RJ, Uf.RJ, Uf.MG, Uf.MG, Uf.MG, Uf.BA,
    Uf.PR, Uf.RS, Uf.PE, Uf.CE, Uf.PA, Uf.SC, Uf.GO, Uf.ES, Uf.MT, Uf.PI, Uf.AM
  };

  /** A debt of the portfolio: its index (the behaviour model's key) and its registration. */
  public record Entry(int index, RegisterDebtRequest request) {
    public String debtId() {
      return request.debtId();
    }

    public long amountCents() {
      return br.com.regua.money.Money.parseCents(request.amount());
    }
  }

  private Portfolio() {}

  /**
   * {@code count} debts due over {@code dueDays} consecutive days from {@code firstDueDate}, ids
   * {@code <prefix>-000001} on.
   */
  public static List<Entry> generate(
      long seed, int count, LocalDate firstDueDate, int dueDays, String prefix) {
    List<Entry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      SplittableRandom random = new SplittableRandom(BehaviourModel.mix(seed * 31 + i));
      Uf state = STATES[random.nextInt(STATES.length)];
      // log-uniform between 50 and 5,000 reais
      long cents = Math.round(Math.exp(Math.log(5_000) + random.nextDouble() * Math.log(100)));
      int score = random.nextInt(1001);
      int late = random.nextDouble() < 0.7 ? 0 : 1 + random.nextInt(4);
      boolean whatsapp = random.nextDouble() < 0.4;
      String id = String.format("%s-%07d", prefix, i + 1);
      var debtor =
          new RegisterDebtRequest.Debtor(
              cpf(seed ^ prefix.hashCode(), i),
              "Devedor Simulado " + (i + 1),
              "devedor" + (i + 1) + "@sim.regua.local",
              String.format("+55119%08d", 60_000_000 + i % 39_000_000),
              state,
              whatsapp,
              // a postal address: a notice no receipt proves goes by letter (STJ Tema 1.315)
              new RegisterDebtRequest.Address(
                  "Rua Simulada",
                  String.valueOf(i + 1),
                  null,
                  "Centro",
                  "Cidade",
                  state,
                  "01310-100"));
      entries.add(
          new Entry(
              i,
              new RegisterDebtRequest(
                  id,
                  debtor,
                  String.format("%d.%02d", cents / 100, cents % 100),
                  firstDueDate.plusDays(i % Math.max(1, dueDays)),
                  score,
                  late,
                  null)));
    }
    return entries;
  }

  /** A valid CPF, distinct for each index (and seed). */
  static String cpf(long seed, int index) {
    long base = (Math.floorMod(seed * 7_919L, 100) * 10_000_000L + index) % 1_000_000_000L;
    if (base < 100_000_000L) {
      base += 100_000_000L; // nine digits, never all equal
    }
    int[] d = new int[11];
    String nine = String.format("%09d", base);
    for (int i = 0; i < 9; i++) {
      d[i] = nine.charAt(i) - '0';
    }
    d[9] = checkDigit(d, 9);
    d[10] = checkDigit(d, 10);
    StringBuilder cpf = new StringBuilder();
    for (int digit : d) {
      cpf.append(digit);
    }
    return cpf.toString();
  }

  private static int checkDigit(int[] d, int length) {
    int sum = 0;
    for (int i = 0; i < length; i++) {
      sum += d[i] * (length + 1 - i);
    }
    int rest = sum % 11;
    return rest < 2 ? 0 : 11 - rest;
  }
}
