package br.com.regua.devkit.providers;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether embedded mode runs its development mailbox ({@link DevMailbox}): as {@code
 * regua.dev-mail.enabled} ({@code REGUA_DEV_MAIL}) says when set; otherwise only while no mail
 * server is configured. A configured SMTP host ({@code SMTP_HOST}, or {@code spring.mail.host}
 * other than the default {@code localhost}) means real mail: the mailbox used to start on that port
 * anyway, unless {@code REGUA_DEV_MAIL=false} too.
 */
class DevMailEnabled implements Condition {

  static final String DEFAULT_HOST = "localhost";

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return enabled(context.getEnvironment());
  }

  static boolean enabled(Environment env) {
    String flag = env.getProperty("regua.dev-mail.enabled", "").trim();
    if (!flag.isEmpty()) {
      return Boolean.parseBoolean(flag);
    }
    return !env.containsProperty("SMTP_HOST")
        && DEFAULT_HOST.equals(env.getProperty("spring.mail.host", DEFAULT_HOST));
  }
}
