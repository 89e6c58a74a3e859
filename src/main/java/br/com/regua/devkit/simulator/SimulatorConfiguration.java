package br.com.regua.devkit.simulator;

import br.com.regua.consent.Channel;
import br.com.regua.contact.ChannelSender;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The {@code simulate} profile: the service as it runs in embedded mode, except that the providers
 * are {@link RecordingSinks} (the real channel senders are removed, so nothing leaves the JVM) and
 * a {@link SimulatorRunner} drives the simulation and exits.
 */
@Configuration(proxyBeanMethods = false)
@Profile("simulate")
class SimulatorConfiguration {

  /** Removes the real providers' senders; the sinks below take their channels. */
  @Bean
  static BeanDefinitionRegistryPostProcessor removeRealChannelSenders() {
    return new BeanDefinitionRegistryPostProcessor() {
      @Override
      public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        for (String name : registry.getBeanDefinitionNames()) {
          String type = registry.getBeanDefinition(name).getBeanClassName();
          if (type != null
              && type.startsWith("br.com.regua.contact.")
              && type.endsWith("Channel")
              && !type.equals("br.com.regua.consent.Channel")) {
            registry.removeBeanDefinition(name);
          }
        }
      }

      @Override
      public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {}
    };
  }

  @Bean
  RecordingSinks recordingSinks(
      Clock clock,
      @Value("${regua.simulator.rate:200}") int rate,
      br.com.regua.contact.template.MessageTemplates templates) {
    return new RecordingSinks(
        clock,
        rate,
        (channel, template, debt, values) ->
            templates.render(channel, template, debt, values).body());
  }

  @Bean
  Simulation.Services simulationServices(
      br.com.regua.journey.DebtRegistration debts,
      br.com.regua.payment.PaymentService payments,
      br.com.regua.promise.PromiseService promises,
      br.com.regua.engagement.EngagementService engagement,
      br.com.regua.devkit.engine.EmbeddedEngine engine,
      org.springframework.jdbc.core.simple.JdbcClient jdbc,
      RecordingSinks sinks,
      br.com.regua.hold.HoldService holds) {
    return new Simulation.Services(
        debts, payments, promises, engagement, engine, jdbc, sinks, holds);
  }

  @Bean
  ChannelSender simulatedEmail(RecordingSinks sinks) {
    return sinks.sender(Channel.EMAIL);
  }

  @Bean
  ChannelSender simulatedSms(RecordingSinks sinks) {
    return sinks.sender(Channel.SMS);
  }

  @Bean
  ChannelSender simulatedWhatsApp(RecordingSinks sinks) {
    return sinks.sender(Channel.WHATSAPP);
  }

  @Bean
  ChannelSender simulatedLetter(RecordingSinks sinks) {
    return sinks.sender(Channel.LETTER);
  }
}
