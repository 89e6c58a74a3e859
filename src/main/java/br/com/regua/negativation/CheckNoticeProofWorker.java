package br.com.regua.negativation;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * {@code check-notice-proof}: whether the prior notice is proven (a letter mailed, or an electronic
 * notice's delivery receipt), so the model counts the state's wait from the proof, waits for a
 * receipt, mails a letter, or gives up the negativation. See {@link NoticeProofs}.
 */
@Component
public class CheckNoticeProofWorker {

  private final NoticeProofs proofs;

  CheckNoticeProofWorker(NoticeProofs proofs) {
    this.proofs = proofs;
  }

  /**
   * @param noticeReceiptWait how long an electronic notice may wait for its delivery receipt before
   *     a letter goes out (ISO-8601 duration, set in the model)
   */
  public record Input(String debtId, String noticeReceiptWait) {}

  /**
   * @param noticeProof a {@link NoticeProofs.Status} name
   * @param noticeProvenAt when the notice was proven (ISO instant), or null
   */
  public record Output(String noticeProof, String noticeProvenAt) {}

  @JobWorker(type = NegativationModel.CHECK_NOTICE_PROOF)
  public Output checkNoticeProof(@VariablesAsType Input input) {
    NoticeProofs.Proof proof =
        proofs.check(input.debtId(), Duration.parse(input.noticeReceiptWait()));
    return new Output(
        proof.status().name(), proof.provenAt() == null ? null : proof.provenAt().toString());
  }
}
