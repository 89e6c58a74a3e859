package br.com.regua.tasks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.camunda.client.CamundaClient;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RemoteAgentTasks} against a WireMock server that answers as the Camunda 8.8 Orchestration
 * Cluster REST API does ({@code /v2/user-tasks/...}), asserting the exact requests the client
 * sends. No Spring: the adapter is built on a client pointed at the stub.
 */
class RemoteAgentTasksTest {

  private static final String KEY = "2251799813685301";
  private static final String TASK =
      """
      {"userTaskKey": "%s", "name": "Ligação preventiva", "state": "%s", "assignee": %s,
       "elementId": "PreventiveCallUserTask", "elementInstanceKey": "2251799813685299",
       "candidateGroups": ["agents"], "candidateUsers": [], "processDefinitionId": "dunning-collection",
       "processName": "Cobrança", "processDefinitionKey": "2251799813685250",
       "processInstanceKey": "2251799813685290", "formKey": "2251799813685260",
       "creationDate": "2026-11-20T12:01:00.000Z", "dueDate": "2026-11-22T11:00:00.000Z",
       "tenantId": "<default>", "processDefinitionVersion": 1, "customHeaders": {}, "priority": 50}
      """;
  private static final String PROBLEM =
      """
      {"type": "about:blank", "title": "%s", "status": %d, "detail": "%s",
       "instance": "/v2/user-tasks/%s/completion"}
      """;

  private WireMockServer cluster;
  private CamundaClient client;
  private RemoteAgentTasks tasks;

  @BeforeEach
  void start() {
    cluster = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    cluster.start();
    client =
        CamundaClient.newClientBuilder()
            .restAddress(URI.create(cluster.baseUrl()))
            .grpcAddress(URI.create("http://localhost:1"))
            .preferRestOverGrpc(true)
            .build();
    tasks = new RemoteAgentTasks(client);
    cluster.stubFor(
        get(urlPathEqualTo("/v2/user-tasks/" + KEY + "/form"))
            .willReturn(
                okJson(
                    """
                    {"formKey": "2251799813685260", "formId": "preventive-call", "version": 1,
                     "schema": "{}", "tenantId": "<default>"}
                    """)));
  }

  @AfterEach
  void stop() {
    client.close();
    cluster.stop();
  }

  @Test
  void theQueueIsASearchForCreatedTasksOldestFirst() {
    // given one open task in the cluster, claimed by Ana
    cluster.stubFor(
        post(urlPathEqualTo("/v2/user-tasks/search"))
            .willReturn(
                okJson(
                    "{\"items\": ["
                        + TASK.formatted(KEY, "CREATED", "\"ana\"")
                        + "],"
                        + " \"page\": {\"totalItems\": 1}}")));

    // when the desk asks for the preventive-call queue of Ana
    var queue = tasks.open(new AgentTaskFilter("preventive-call", null, "ana"));

    // then the adapter searched created tasks of Ana, by creation date, and named the form (the
    // 8.8 client writes filters in their advanced form, {"$eq": ...}, with empty lists besides)
    cluster.verify(
        postRequestedFor(urlPathEqualTo("/v2/user-tasks/search"))
            .withRequestBody(
                equalToJson(
                    """
                    {"filter": {"state": {"$eq": "CREATED"}, "assignee": {"$eq": "ana"}},
                     "sort": [{"field": "creationDate", "order": "ASC"}],
                     "page": {"limit": 500}}
                    """,
                    true,
                    true)));
    assertThat(queue)
        .singleElement()
        .satisfies(
            task -> {
              assertThat(task.key()).isEqualTo(Long.parseLong(KEY));
              assertThat(task.elementId()).isEqualTo("PreventiveCallUserTask");
              assertThat(task.formId()).isEqualTo("preventive-call");
              assertThat(task.state()).isEqualTo(AgentTask.State.OPEN);
              assertThat(task.due()).isEqualTo(Instant.parse("2026-11-22T11:00:00Z"));
              assertThat(task.candidateGroups()).containsExactly("agents");
            });
  }

  @Test
  void aTaskIsReadWithTheVariablesItSees() {
    cluster.stubFor(
        get(urlPathEqualTo("/v2/user-tasks/" + KEY))
            .willReturn(okJson(TASK.formatted(KEY, "CREATED", "\"ana\""))));
    cluster.stubFor(
        post(urlPathEqualTo("/v2/user-tasks/" + KEY + "/variables/search"))
            .willReturn(
                okJson(
                    """
                    {"items": [
                      {"variableKey": "1", "name": "debtorName", "value": "\\"Maria da Silva\\"",
                       "scopeKey": "2251799813685290", "processInstanceKey": "2251799813685290",
                       "tenantId": "<default>", "isTruncated": false},
                      {"variableKey": "2", "name": "latePaymentCount", "value": "3",
                       "scopeKey": "2251799813685290", "processInstanceKey": "2251799813685290",
                       "tenantId": "<default>", "isTruncated": false}],
                     "page": {"totalItems": 2}}
                    """)));

    AgentTask task = tasks.get(Long.parseLong(KEY));

    cluster.verify(getRequestedFor(urlPathEqualTo("/v2/user-tasks/" + KEY)));
    cluster.verify(
        postRequestedFor(urlPathEqualTo("/v2/user-tasks/" + KEY + "/variables/search"))
            .withRequestBody(equalToJson("{\"page\": {\"limit\": 500}}", true, true)));
    assertThat(task.assignee()).isEqualTo("ana");
    assertThat(task.formId()).isEqualTo("preventive-call");
    assertThat(task.variables())
        .containsEntry("debtorName", "Maria da Silva")
        .containsEntry("latePaymentCount", 3);
  }

  @Test
  void claimUnclaimAndCompleteAreTheRestCommands() {
    // given a cluster that accepts each command
    cluster.stubFor(
        post(urlPathEqualTo("/v2/user-tasks/" + KEY + "/assignment"))
            .willReturn(aResponse().withStatus(204)));
    cluster.stubFor(
        delete(urlPathEqualTo("/v2/user-tasks/" + KEY + "/assignee"))
            .willReturn(aResponse().withStatus(204)));
    cluster.stubFor(
        post(urlPathEqualTo("/v2/user-tasks/" + KEY + "/completion"))
            .willReturn(aResponse().withStatus(204)));
    long key = Long.parseLong(KEY);

    // when an agent claims, releases, claims again and completes
    tasks.claim(key, "ana");
    tasks.unclaim(key);
    tasks.complete(key, Map.of("callOutcome", "PROMISED", "promisedDate", "2026-11-29"));

    // then the cluster received a claim that may not override another agent's, and the values
    cluster.verify(
        postRequestedFor(urlPathEqualTo("/v2/user-tasks/" + KEY + "/assignment"))
            .withRequestBody(equalToJson("{\"assignee\": \"ana\", \"allowOverride\": false}")));
    cluster.verify(deleteRequestedFor(urlPathEqualTo("/v2/user-tasks/" + KEY + "/assignee")));
    cluster.verify(
        postRequestedFor(urlPathEqualTo("/v2/user-tasks/" + KEY + "/completion"))
            .withRequestBody(
                equalToJson(
                    """
                    {"variables": {"callOutcome": "PROMISED", "promisedDate": "2026-11-29"}}
                    """)));
  }

  @Test
  void completingACompletedTaskIsAConflictAndAnUnknownOneIsNotFound() {
    // given a task the engine no longer holds but the search shows completed, and an unknown one
    cluster.stubFor(
        post(urlPathEqualTo("/v2/user-tasks/" + KEY + "/completion"))
            .willReturn(problem(404, "NOT_FOUND", KEY)));
    cluster.stubFor(
        get(urlPathEqualTo("/v2/user-tasks/" + KEY))
            .willReturn(okJson(TASK.formatted(KEY, "COMPLETED", "\"ana\""))));
    cluster.stubFor(
        post(urlPathEqualTo("/v2/user-tasks/42/completion"))
            .willReturn(problem(404, "NOT_FOUND", "42")));
    cluster.stubFor(
        get(urlPathEqualTo("/v2/user-tasks/42")).willReturn(problem(404, "NOT_FOUND", "42")));
    cluster.stubFor(
        post(urlPathEqualTo("/v2/user-tasks/" + KEY + "/assignment"))
            .willReturn(problem(409, "INVALID_STATE", KEY)));

    assertThatThrownBy(() -> tasks.complete(Long.parseLong(KEY), Map.of()))
        .isInstanceOf(AgentTaskConflictException.class)
        .hasMessageContaining("completing user task " + KEY);
    assertThatThrownBy(() -> tasks.complete(42L, Map.of()))
        .isInstanceOf(AgentTaskNotFoundException.class);
    assertThatThrownBy(() -> tasks.get(42L)).isInstanceOf(AgentTaskNotFoundException.class);
    assertThatThrownBy(() -> tasks.claim(Long.parseLong(KEY), "bruno"))
        .isInstanceOf(AgentTaskConflictException.class)
        .hasMessageContaining("INVALID_STATE");
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder problem(
      int status, String title, String key) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/problem+json")
        .withBody(
            PROBLEM.formatted(
                title, status, "Command 'COMPLETE' rejected with code '" + title + "'", key));
  }
}
