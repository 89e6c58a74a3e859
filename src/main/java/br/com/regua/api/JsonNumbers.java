package br.com.regua.api;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import java.math.BigDecimal;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One number format across the API: money and percentages are decimal strings ({@code "1234.56"},
 * {@code "30"}), in answers and in requests. Requests may also send them as JSON numbers, read
 * exactly as written ({@code 30} is {@code "30"}; never through a {@code double}).
 *
 * <p>Amounts are {@code String} fields checked by {@link br.com.regua.money.BrlAmount}, which a
 * JSON number reaches as its text. Percentages are {@code BigDecimal} fields; the API otherwise
 * refuses coercion of scalars ({@code spring.jackson.mapper.allow-coercion-of-scalars: false}, so
 * {@code "12"} is no {@code int}), and this lets a decimal string become a {@code BigDecimal}. A
 * string that is no number is a 400 naming the field.
 */
@Configuration
class JsonNumbers {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer decimalStrings() {
    return builder ->
        builder.postConfigurer(
            mapper ->
                mapper
                    .coercionConfigFor(BigDecimal.class)
                    .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert));
  }
}
