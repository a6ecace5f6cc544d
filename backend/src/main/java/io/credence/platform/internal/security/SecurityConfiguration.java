package io.credence.platform.internal.security;

import io.credence.platform.CsrfExemptEndpoint;
import io.credence.platform.HttpAccessRules;
import io.credence.platform.Problems;
import io.credence.platform.PublicOrigin;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sessions from wallet sign-in; CSRF tokens bound to the session (scripts read them from the {@code
 * XSRF-TOKEN} cookie and echo them in an {@code X-XSRF-TOKEN} header; portal forms carry the {@code
 * _csrf} field). API callers get RFC 9457 problems; portal visitors are sent to the sign-in page.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  private static final PathPatternRequestMatcher.Builder PATHS =
      PathPatternRequestMatcher.withDefaults();
  private static final RequestMatcher API = PATHS.matcher("/api/**");

  @Bean
  CsrfTokenRepository csrfTokenRepository(PublicOrigin origin) {
    return new SessionCsrfTokenRepository(new XsrfCookie(origin));
  }

  /** The session cookie is {@code Secure} whenever the public origin is https. */
  @Bean
  DefaultCookieSerializerCustomizer secureSessionCookie(PublicOrigin origin) {
    return serializer -> {
      if (origin.secure()) {
        serializer.setUseSecureCookie(true);
      }
    };
  }

  @Bean
  SecurityFilterChain filterChain(
      HttpSecurity http,
      CsrfTokenRepository csrfTokens,
      JsonMapper json,
      ObjectProvider<HttpAccessRules> moduleRules,
      ObjectProvider<CsrfExemptEndpoint> csrfExempt,
      PublicOrigin origin) {
    // Issue 11: public machine APIs (POST /api/v1/verify) declare themselves CSRF-exempt.
    RequestMatcher[] noCsrf =
        csrfExempt
            .orderedStream()
            .map(e -> PATHS.matcher(e.method(), e.path()))
            .toArray(RequestMatcher[]::new);
    AuthenticationEntryPoint apiUnauthenticated =
        (request, response, e) ->
            write(
                json,
                response,
                Problems.of(
                    HttpStatus.UNAUTHORIZED,
                    "unauthenticated",
                    "Sign-in required",
                    "sign in with a wallet first"));
    AccessDeniedHandler apiDenied =
        (request, response, e) ->
            write(
                json,
                response,
                e instanceof CsrfException
                    ? Problems.of(
                        HttpStatus.FORBIDDEN,
                        "csrf-token-invalid",
                        "CSRF token missing or invalid",
                        "send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header")
                    : Problems.of(
                        HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "not allowed for you"));

    http.authorizeHttpRequests(
            auth -> {
              auth.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                  .permitAll()
                  .requestMatchers(
                      "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                  .permitAll()
                  .requestMatchers("/", "/error", "/favicon.ico")
                  .permitAll()
                  .requestMatchers("/css/**", "/js/**", "/img/**", "/webjars/**")
                  .permitAll();
              moduleRules.orderedStream().forEach(rules -> rules.configure(auth));
              auth.anyRequest().authenticated();
            })
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(csrfTokens)
                    .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler())
                    .ignoringRequestMatchers(noCsrf))
        .addFilterAfter(
            new CsrfCookieFilter(csrfTokens, new XsrfCookie(origin)),
            BasicAuthenticationFilter.class)
        .exceptionHandling(
            ex ->
                ex.defaultAuthenticationEntryPointFor(apiUnauthenticated, API)
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/sign-in"),
                        AnyRequestMatcher.INSTANCE)
                    .defaultAccessDeniedHandlerFor(apiDenied, API)
                    // Issue 16: portal pages a wallet's roles do not open get the "Not allowed"
                    // error page (a lone API mapping would otherwise answer every request).
                    .defaultAccessDeniedHandlerFor(
                        new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE))
        .logout(
            logout ->
                logout
                    .logoutRequestMatcher(
                        new OrRequestMatcher(
                            PATHS.matcher(HttpMethod.POST, "/api/v1/auth/logout"),
                            PATHS.matcher(HttpMethod.POST, "/sign-out")))
                    .logoutSuccessHandler(
                        (request, response, authentication) -> {
                          if (API.matches(request)) {
                            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                          } else {
                            response.sendRedirect(request.getContextPath() + "/");
                          }
                        })
                    .deleteCookies("CREDENCE_SESSION"))
        .requestCache(cache -> cache.disable())
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .sessionManagement(session -> session.sessionFixation().changeSessionId())
        .headers(
            headers ->
                headers
                    .httpStrictTransportSecurity(
                        hsts -> {
                          if (origin.secure()) {
                            // Behind a TLS proxy the request itself may look like plain http:
                            // an https origin means HSTS on every response.
                            hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
                                .maxAgeInSeconds(31_536_000)
                                .includeSubDomains(true);
                          }
                        })
                    .contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self';"
                                    + " img-src 'self' data:; connect-src 'self'; object-src 'none';"
                                    + " frame-ancestors 'none'; base-uri 'self'; form-action 'self'")));
    return http.build();
  }

  private static void write(JsonMapper json, HttpServletResponse response, ProblemDetail problem)
      throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
