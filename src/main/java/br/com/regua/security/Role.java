package br.com.regua.security;

/**
 * What a caller may do. Integrations (ERP, billing, the debtor portal) hold {@link #INTEGRATION};
 * people sign in to the desk as {@link #AGENT} or {@link #SUPERVISOR}; a metrics scraper holds
 * {@link #METRICS}. An API client may hold several (a tool that works agents' tasks holds AGENT).
 */
public enum Role {
  INTEGRATION,
  AGENT,
  SUPERVISOR,
  METRICS;

  /** The Spring Security authority: {@code ROLE_AGENT}. */
  public String authority() {
    return "ROLE_" + name();
  }
}
