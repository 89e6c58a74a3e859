package br.com.regua.brazil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.regua.negativation.NegativationService;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Business days against real Brazilian calendars (Jollyday 1.5.0: national and state holidays). */
class BusinessDaysTest {

  private final BusinessDays businessDays = new BusinessDays();

  @ParameterizedTest(name = "{0} + 5 business days = {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          2026-11-19 | 2026-11-27 | Thu; Fri 20 Nov (Consciência Negra) and the weekend skipped
          2026-11-16 | 2026-11-24 | Mon; Fri 20 Nov skipped, so the count ends on Tuesday
          2026-11-21 | 2026-11-27 | a Saturday counts from the next Monday
          2026-04-17 | 2026-04-27 | Fri; Tue 21 Apr (Tiradentes) skipped
          2026-04-01 | 2026-04-09 | Wed; Good Friday 3 Apr skipped
          2026-02-13 | 2026-02-20 | Fri; Carnival Tuesday and Ash Wednesday count (not national by law)
          2026-12-23 | 2026-12-31 | Wed; Christmas skipped
          2026-12-30 | 2027-01-07 | across the year: 1 Jan 2027 skipped
          2025-11-19 | 2025-11-27 | Wed 2025; Thu 20 Nov skipped
          """)
  void removalDeadlineIsFiveBusinessDaysAfterThePayment(
      LocalDate paidOn, LocalDate deadline, String why) {
    assertThat(businessDays.plusBusinessDays(paidOn, NegativationService.REMOVAL_BUSINESS_DAYS))
        .isEqualTo(deadline);
  }

  @Test
  void blackAwarenessDayIsANationalHolidayFrom2024() {
    // Lei 14.759/2023 made 20 November a national holiday
    assertThat(businessDays.isNationalHoliday(LocalDate.of(2026, 11, 20))).isTrue();
    assertThat(businessDays.isNationalHoliday(LocalDate.of(2024, 11, 20))).isTrue();
    assertThat(businessDays.isBusinessDay(LocalDate.of(2023, 11, 20))).isTrue();
  }

  @Test
  void nationalHolidaysOf2026AreTheLawsOnes() {
    assertThat(LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2027, 1, 1)))
        .filteredOn(businessDays::isNationalHoliday)
        .containsExactly(
            LocalDate.of(2026, 1, 1), // Confraternização Universal
            LocalDate.of(2026, 4, 3), // Sexta-feira Santa
            LocalDate.of(2026, 4, 5), // Páscoa (a Sunday)
            LocalDate.of(2026, 4, 21), // Tiradentes
            LocalDate.of(2026, 5, 1), // Dia do Trabalho
            LocalDate.of(2026, 9, 7), // Independência
            LocalDate.of(2026, 10, 12), // Nossa Senhora Aparecida
            LocalDate.of(2026, 11, 2), // Finados
            LocalDate.of(2026, 11, 15), // Proclamação da República (a Sunday)
            LocalDate.of(2026, 11, 20), // Zumbi e Consciência Negra
            LocalDate.of(2026, 12, 25)); // Natal
  }

  @Test
  void pontosFacultativosAreBusinessDays() {
    assertThat(businessDays.isBusinessDay(LocalDate.of(2026, 2, 17))).as("Carnival").isTrue();
    assertThat(businessDays.isBusinessDay(LocalDate.of(2026, 2, 18))).as("Ash Wednesday").isTrue();
    assertThat(businessDays.isBusinessDay(LocalDate.of(2026, 6, 4))).as("Corpus Christi").isTrue();
  }

  @Test
  void weekendsAreNotBusinessDays() {
    assertThat(businessDays.isBusinessDay(LocalDate.of(2026, 11, 21))).isFalse();
    assertThat(businessDays.isBusinessDay(LocalDate.of(2026, 11, 22))).isFalse();
    assertThat(businessDays.isBusinessDay(LocalDate.of(2026, 11, 23))).isTrue();
  }

  @Test
  void zeroDaysIsTheSameDayAndNegativeIsAnError() {
    assertThat(businessDays.plusBusinessDays(LocalDate.of(2026, 11, 20), 0))
        .isEqualTo(LocalDate.of(2026, 11, 20));
    assertThatThrownBy(() -> businessDays.plusBusinessDays(LocalDate.of(2026, 11, 20), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{1} {0}: holiday {2}")
  @CsvSource({
    // the states' own holidays (Jollyday's subdivisions)
    "2026-07-09, SP, true", // Revolução Constitucionalista
    "2026-07-09, RJ, false",
    "2026-04-23, RJ, true", // São Jorge
    "2026-04-23, SP, false",
    "2026-09-20, RS, true", // Revolução Farroupilha (a Sunday in 2026, still a holiday)
    "2026-10-24, GO, true", // a Saturday: a holiday still
    "2027-10-11, MS, true",
    // national holidays hold in every state, those Jollyday knows and those it does not
    "2026-12-25, SP, true",
    "2026-12-25, AC, true",
    "2026-11-20, DF, true",
    // a state whose holidays Jollyday does not list: national ones only
    "2026-07-09, AC, false",
    // a city's holiday is not the state's (25 January, the city of São Paulo)
    "2027-01-25, SP, false"
  })
  void theStatesHolidaysComeOnTopOfTheNationalOnes(LocalDate date, Uf state, boolean holiday) {
    assertThat(businessDays.isHoliday(date, state)).isEqualTo(holiday);
  }

  @Test
  void aStateHolidayIsNotABusinessDayThereButIsElsewhere() {
    // Thursday 9 July 2026
    LocalDate july9 = LocalDate.of(2026, 7, 9);

    assertThat(businessDays.isBusinessDay(july9, Uf.SP)).isFalse();
    assertThat(businessDays.isBusinessDay(july9, Uf.RJ)).isTrue();
    assertThat(businessDays.isBusinessDay(july9)).isTrue(); // national count: a business day
    assertThat(businessDays.onOrNextBusinessDay(july9, Uf.SP)).isEqualTo(LocalDate.of(2026, 7, 10));
    assertThat(businessDays.onOrNextBusinessDay(july9, Uf.RJ)).isEqualTo(july9);
  }

  @Test
  void theNextBusinessDaySkipsWeekendsAndHolidays() {
    // Christmas 2026 is a Friday: the next business day is Monday 28
    assertThat(businessDays.onOrNextBusinessDay(LocalDate.of(2026, 12, 25), Uf.SP))
        .isEqualTo(LocalDate.of(2026, 12, 28));
    // RJ, Wednesday 22 April 2026: Thursday 23 is São Jorge
    assertThat(businessDays.onOrNextBusinessDay(LocalDate.of(2026, 4, 23), Uf.RJ))
        .isEqualTo(LocalDate.of(2026, 4, 24));
  }
}
