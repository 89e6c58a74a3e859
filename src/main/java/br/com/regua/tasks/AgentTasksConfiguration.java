package br.com.regua.tasks;

import io.camunda.client.CamundaClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The agents' tasks on a Camunda 8.8 cluster. In embedded mode the in-JVM engine's start registers
 * its own {@link AgentTasks} before any bean is defined ({@code devkit/engine}), so this one is
 * made only when that did not happen: the condition sees a bean registered before the context
 * refreshed, whatever the order of the configuration classes.
 */
@Configuration(proxyBeanMethods = false)
class AgentTasksConfiguration {

  @Bean
  @ConditionalOnMissingBean(AgentTasks.class)
  AgentTasks agentTasks(CamundaClient client) {
    return new RemoteAgentTasks(client);
  }
}
