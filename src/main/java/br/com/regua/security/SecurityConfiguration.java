package br.com.regua.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Who may call what.
 *
 * <ul>
 *   <li>Integrations send {@code X-Api-Key} ({@link ApiKeyFilter}): no session, no CSRF token.
 *   <li>People sign in to the desk at {@code /login} (a session cookie; state-changing calls carry
 *       the CSRF token that {@code GET /api/me} hands out).
 *   <li>Providers' webhooks are signed ({@link WebhookSignatureFilter}), not logged in.
 *   <li>Health, the OpenAPI document and Swagger UI are public.
 * </ul>
 *
 * Without credentials an API call is a {@code 401}, a page redirects to the sign-in ({@link
 * SignInPageController}); with the wrong role an API call is a {@code 403} as problem+json, a page
 * the refusal page ({@link StaffPages}).
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

  private static final String[] READERS = {"INTEGRATION", "AGENT", "SUPERVISOR"};
  private static final String[] PEOPLE = {"AGENT", "SUPERVISOR"};

  @Bean
  SecurityFilterChain security(
      HttpSecurity http,
      Credentials credentials,
      SecurityProperties properties,
      StaffPages pages,
      @Value("${regua.security.pix-webhook-mutual-tls:false}") boolean pixWebhookMutualTls)
      throws Exception {
    http.addFilterBefore(
            new WebhookSignatureFilter(
                credentials,
                properties.webhookReplayWindow(),
                Clock.systemUTC(),
                pixWebhookMutualTls),
            UsernamePasswordAuthenticationFilter.class)
        .addFilterBefore(new ApiKeyFilter(credentials), UsernamePasswordAuthenticationFilter.class)
        .authorizeHttpRequests(
            requests ->
                requests
                    .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                    .permitAll()
                    .requestMatchers("/error", "/login", "/favicon.ico", "/favicon.svg")
                    .permitAll()
                    // the debtor's portal: its signed link and the identity confirmed in the
                    // session are the debtor's credentials (portal/PortalController)
                    .requestMatchers("/portal/**", "/portal-assets/**")
                    .permitAll()
                    .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                    .permitAll()
                    .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html")
                    .permitAll()
                    .requestMatchers("/swagger-ui/**")
                    .permitAll()
                    .requestMatchers("/actuator/**")
                    .hasAnyRole("SUPERVISOR", "METRICS")
                    // signed by the provider, checked by WebhookSignatureFilter
                    .requestMatchers("/api/webhooks/**")
                    .permitAll()
                    .requestMatchers(
                        "/api/dev/clock",
                        "/api/dev/clock/**",
                        "/api/dev/engine",
                        "/api/dev/engine/**")
                    .hasRole("SUPERVISOR")
                    // embedded mode's stand-ins for the providers (the service calls them itself)
                    .requestMatchers("/api/dev/**")
                    .permitAll()
                    .requestMatchers("/api/me")
                    .authenticated()
                    .requestMatchers("/api/kpis", "/api/kpis/**", "/kpis.html")
                    .hasRole("SUPERVISOR")
                    // what reconciliation leaves to people: payments no reference named, refunds,
                    // what the PSP refused
                    .requestMatchers(
                        "/api/payments/unidentified",
                        "/api/payments/unidentified/**",
                        "/api/refunds",
                        "/api/refunds/**",
                        "/api/psp-incidents",
                        "/api/psp-incidents/**")
                    .hasRole("SUPERVISOR")
                    .requestMatchers("/api/tasks", "/api/tasks/**", "/api/forms/**")
                    .hasAnyRole(PEOPLE)
                    // a hold stops all collection of a debtor: the creditor's systems or a
                    // supervisor place and lift it; agents only see it
                    .requestMatchers(
                        HttpMethod.POST, "/api/debtors/*/holds", "/api/debtors/*/holds/**")
                    .hasAnyRole("INTEGRATION", "SUPERVISOR")
                    .requestMatchers("/api/debtors/**")
                    .hasAnyRole(READERS)
                    .requestMatchers(
                        HttpMethod.GET,
                        "/api/debts/*",
                        "/api/debts/*/offers",
                        "/api/debts/*/pix-qrcode.png",
                        "/api/debts/*/documents/*",
                        "/api/agreements/*")
                    .hasAnyRole(READERS)
                    .requestMatchers("/api/**")
                    .hasRole("INTEGRATION")
                    .requestMatchers("/", "/desk", "/desk/**")
                    .hasAnyRole(PEOPLE)
                    .anyRequest()
                    .authenticated())
        // only a page refused for want of a sign-in is remembered, to return to it after; an API
        // call's 401 is an answer, and remembering it set a session cookie on it
        .requestCache(cache -> cache.requestCache(pagesOnly()))
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/desk/", false))
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .httpBasic(basic -> basic.disable())
        .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::withoutCookieSession))
        .exceptionHandling(
            errors ->
                errors
                    .defaultAuthenticationEntryPointFor(
                        (request, response, e) ->
                            Problems.unauthorized(
                                request,
                                response,
                                "send X-Api-Key, or sign in at /login for the desk's calls"),
                        SecurityConfiguration::isApi)
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
                    .accessDeniedHandler(
                        (request, response, e) -> {
                          String portalPage = portalPage(request.getRequestURI());
                          if (portalPage != null) {
                            // a portal form without a valid CSRF token (a forged post, or a
                            // page left open past its session): back to the link's page, which
                            // asks who the debtor is again; nothing was done
                            response.setStatus(303);
                            response.setHeader("Location", portalPage);
                            return;
                          }
                          if (!isApi(request)) {
                            if (e instanceof CsrfException) {
                              // a sign-in or sign-out form left open past its session: a fresh one
                              response.sendRedirect("/login");
                              return;
                            }
                            pages.writeRefusal(response); // a page: the refusal page, in words
                            return;
                          }
                          Problems.forbidden(
                              request,
                              response,
                              "your role may not "
                                  + request.getMethod()
                                  + " "
                                  + request.getRequestURI());
                        }));
    return http.build();
  }

  private static HttpSessionRequestCache pagesOnly() {
    HttpSessionRequestCache cache = new HttpSessionRequestCache();
    cache.setRequestMatcher(
        request ->
            HttpMethod.GET.matches(request.getMethod())
                && !isApi(request)
                && request.getHeader(ApiKeyFilter.HEADER) == null
                && !"XMLHttpRequest".equals(request.getHeader("X-Requested-With")));
    return cache;
  }

  /** {@code /portal/<token>} for a path under a portal link, else null. */
  static String portalPage(String path) {
    if (!path.startsWith("/portal/")) {
      return null;
    }
    String token = path.substring("/portal/".length()).split("/", 2)[0];
    return token.matches("[A-Za-z0-9_.-]{1,100}") ? "/portal/" + token : null;
  }

  private static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI();
    return path.startsWith("/api/") || path.startsWith("/actuator/");
  }

  /**
   * Calls that carry no browser session, so a forged cross-site call gains nothing from them: no
   * session cookie at all (a stranger gets the 401 of the authorization, not a CSRF 403), API-key
   * calls, signed webhooks and the service's own calls to embedded mode's stand-ins.
   */
  private static boolean withoutCookieSession(HttpServletRequest request) {
    String path = request.getRequestURI();
    if (path.startsWith("/portal/") || path.equals("/login")) {
      // the portal's forms and the sign-in always carry the token, session or not: a sign-in
      // posted from another site would otherwise sign the victim's browser in (login CSRF)
      return false;
    }
    return request.getRequestedSessionId() == null
        || request.getHeader(ApiKeyFilter.HEADER) != null
        || path.startsWith("/api/webhooks/")
        || (path.startsWith("/api/dev/")
            && !path.startsWith("/api/dev/clock")
            && !path.startsWith("/api/dev/engine"));
  }

  @Bean
  UserDetailsService deskUsers(Credentials credentials) {
    Map<String, SecurityProperties.User> users =
        credentials.users().stream()
            .collect(Collectors.toMap(SecurityProperties.User::username, Function.identity()));
    return username -> {
      SecurityProperties.User user = users.get(username);
      if (user == null) {
        throw new UsernameNotFoundException("no such user");
      }
      return new DeskUser(user);
    };
  }
}
