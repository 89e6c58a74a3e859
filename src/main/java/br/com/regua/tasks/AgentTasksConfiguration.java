package br.com.regua.tasks;

import br.com.regua.devkit.engine.EmbeddedEngine;
import br.com.regua.devkit.tasks.EmbeddedAgentTasks;
import io.camunda.client.CamundaClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The agents' tasks by engine mode: the in-JVM engine's when it runs (its bean exists only in
 * embedded mode, see {@code EmbeddedEngineInitializer}), the cluster's REST API otherwise.
 */
@Configuration(proxyBeanMethods = false)
class AgentTasksConfiguration {

  @Bean
  AgentTasks agentTasks(ObjectProvider<EmbeddedEngine> embeddedEngine, CamundaClient client) {
    EmbeddedEngine engine = embeddedEngine.getIfAvailable();
    return engine != null ? new EmbeddedAgentTasks(engine) : new RemoteAgentTasks(client);
  }
}
