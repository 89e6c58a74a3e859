package br.com.regua.journey;

import br.com.regua.api.ConflictException;
import br.com.regua.api.InvalidFieldException;
import br.com.regua.api.JsonFieldPath;
import br.com.regua.api.RuleViolationException;
import br.com.regua.debt.DebtService;
import br.com.regua.debt.RegisterDebtRequest;
import br.com.regua.debt.RegistrationValidator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.validation.ConstraintViolation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/debts:batch}: registers many debts in one request. Each row is checked as {@code
 * POST /api/debts} would check it, the valid ones are stored together in one transaction of a few
 * statements ({@link DebtService#storeAll}), and the answer says, row by row, what happened and
 * which field was at fault. The journeys of the stored rows start right after, in the background
 * ({@link PendingJourneys}): a bulk load is not held to the engine's pace of a few dozen starts a
 * second. Repeating the batch is safe (every row is idempotent by its debtId).
 */
@RestController
class DebtBatchController {

  /** Larger portfolios go in several requests: one request stays well under a minute. */
  static final int MAX_ROWS = 1000;

  private final DebtRegistration registration;
  private final PendingJourneys journeys;
  private final BulkLoads loads;
  private final ObjectReader rowReader;
  private final RegistrationValidator validator;

  DebtBatchController(
      DebtRegistration registration,
      PendingJourneys journeys,
      BulkLoads loads,
      ObjectMapper json,
      RegistrationValidator validator) {
    this.registration = registration;
    this.journeys = journeys;
    this.loads = loads;
    this.rowReader = json.readerFor(RegisterDebtRequest.class);
    this.validator = validator;
  }

  record BatchRequest(List<BatchRow> debts) {}

  record FieldError(String field, String message) {}

  /** {@code status} is what the single endpoint would have answered for the row. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record RowResult(int index, String debtId, int status, List<FieldError> errors) {}

  record BatchResult(
      int received, int created, int unchanged, int rejected, List<RowResult> rows) {}

  @PostMapping("/api/debts:batch")
  BatchResult register(@RequestBody BatchRequest request) {
    if (request.debts() == null || request.debts().isEmpty()) {
      throw new InvalidFieldException("debts", "must list at least one debt");
    }
    if (request.debts().size() > MAX_ROWS) {
      throw new InvalidFieldException(
          "debts", "at most " + MAX_ROWS + " debts per request; send the rest in another");
    }
    try (BulkLoads.Load load = loads.begin()) {
      return register(request.debts());
    }
  }

  private BatchResult register(List<BatchRow> debts) {
    RowResult[] rows = new RowResult[debts.size()];
    List<Integer> valid = new ArrayList<>();
    List<RegisterDebtRequest> toStore = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      BatchRow row = debts.get(i);
      Object checked = check(i, row);
      if (checked instanceof RegisterDebtRequest debt) {
        valid.add(i);
        toStore.add(debt);
      } else {
        rows[i] = (RowResult) checked;
      }
    }
    if (!toStore.isEmpty()) {
      List<DebtService.RowStored> stored = registration.storeForLaterStart(toStore);
      for (int j = 0; j < stored.size(); j++) {
        rows[valid.get(j)] = result(valid.get(j), stored.get(j));
      }
      journeys.startSoon();
    }
    List<RowResult> results = List.of(rows);
    return new BatchResult(
        results.size(),
        count(results, 201),
        count(results, 200),
        (int) results.stream().filter(r -> r.status() >= 400).count(),
        results);
  }

  /** The row as a registration to store, or its rejection: what a single request would answer. */
  private Object check(int index, BatchRow row) {
    if (row == null) {
      return notAnObject(index, null);
    }
    RegisterDebtRequest request;
    try (JsonParser tokens = row.parser()) {
      request = rowReader.readValue(tokens);
    } catch (JsonMappingException e) {
      return e.getPath().isEmpty()
          ? notAnObject(index, row.debtId())
          : rejected(index, row.debtId(), 400, JsonFieldPath.of(e), "has an invalid value or type");
    } catch (Exception e) {
      return notAnObject(index, row.debtId());
    }
    if (request == null) {
      return notAnObject(index, row.debtId());
    }
    List<FieldError> violations =
        validator.validate(request).stream()
            .map(DebtBatchController::fieldError)
            .sorted(Comparator.comparing(FieldError::field))
            .toList();
    return violations.isEmpty() ? request : new RowResult(index, row.debtId(), 400, violations);
  }

  private static RowResult result(int index, DebtService.RowStored stored) {
    return switch (stored.refusal()) {
      case null -> new RowResult(index, stored.debtId(), stored.created() ? 201 : 200, List.of());
      case InvalidFieldException e ->
          rejected(index, stored.debtId(), 400, e.field(), e.getMessage());
      case ConflictException e -> rejected(index, stored.debtId(), 409, e.field(), e.getMessage());
      case RuleViolationException e ->
          rejected(index, stored.debtId(), 422, e.field(), e.getMessage());
      default -> throw stored.refusal();
    };
  }

  private static RowResult notAnObject(int index, String debtId) {
    return rejected(
        index, debtId, 400, "row", "must be a JSON object with the fields of POST /api/debts");
  }

  private static RowResult rejected(
      int index, String debtId, int status, String field, String message) {
    return new RowResult(index, debtId, status, List.of(new FieldError(field, message)));
  }

  private static FieldError fieldError(ConstraintViolation<RegisterDebtRequest> violation) {
    return new FieldError(violation.getPropertyPath().toString(), violation.getMessage());
  }

  private static int count(List<RowResult> rows, int status) {
    return (int) rows.stream().filter(r -> r.status() == status).count();
  }
}
