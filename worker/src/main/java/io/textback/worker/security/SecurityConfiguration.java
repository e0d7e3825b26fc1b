package io.textback.worker.security;

import io.textback.worker.TextbackProperties;
import io.textback.worker.TextbackProperties.Console.Admin;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

/**
 * Webhooks stay open (each checks its provider's signature) and so does health; the console, the
 * API and the Prometheus endpoint need an admin: a form login for people, HTTP Basic for scripts
 * and Prometheus. API calls without a login get 401, not a redirect.
 */
@Configuration
public class SecurityConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; object-src 'none'; "
      + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

  @Bean
  SecurityFilterChain security(HttpSecurity http, LoginThrottle throttle, SameOriginChanges sameOrigin,
      List<AdminOnlyPaths> adaptersAdminPaths) throws Exception {
    String[] adminPaths = java.util.stream.Stream.concat(java.util.stream.Stream.of("/api/admin/**", "/api/twilio/**", "/api/users/**"),
        adaptersAdminPaths.stream().flatMap(p -> p.patterns().stream())).toArray(String[]::new);
    http.addFilterBefore(throttle, org.springframework.security.web.csrf.CsrfFilter.class)
        .addFilterBefore(sameOrigin, org.springframework.security.web.csrf.CsrfFilter.class)
        .authorizeHttpRequests(auth -> auth
            // a CRM card's backend (/api/leads) checks that CRM's signature itself
            .requestMatchers("/webhooks/**", "/api/leads/**", "/actuator/health/**", "/actuator/health", "/actuator/info",
                "/login", "/error", "/favicon.ico", "/invite/**").permitAll()
            .requestMatchers("/actuator/prometheus").hasAnyRole("ADMIN", "METRICS")
            // the setup of the whole installation is an admin's: CRM apps, the A2P check of every number
            .requestMatchers(adminPaths).hasRole("ADMIN")
            .requestMatchers(HttpMethod.POST, "/api/a2p/check", "/api/businesses", "/api/businesses/**").hasRole("ADMIN")
            .requestMatchers(HttpMethod.PUT, "/api/businesses/**").hasRole("ADMIN")
            .requestMatchers("/api/businesses/*", "/api/businesses/*/changes").hasRole("ADMIN")
            // a member reaches the console and /api, and BusinessAccess keeps them to their own businesses
            .anyRequest().hasAnyRole("ADMIN", "MEMBER"))
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/console/", false).permitAll())
        .httpBasic(Customizer.withDefaults())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
            new AntPathRequestMatcher("/api/**")).defaultAuthenticationEntryPointFor(
            new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), new AntPathRequestMatcher("/actuator/**")))
        // Webhooks are signed by their provider; the API is called by scripts with Basic auth and by the
        // console from its own origin, which SameOriginChanges checks for every cookie-borne change.
        .csrf(csrf -> csrf.ignoringRequestMatchers("/webhooks/**", "/api/**", "/local/**", "/logout"))
        // Scripts only from the worker itself, and no inline script or event handler: markup a stranger
        // put in an SMS or a form cannot run in the admin's browser even if it reached the page.
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
    return http.build();
  }

  @Bean
  UserDetailsService admins(TextbackProperties properties, io.textback.worker.business.BusinessDirectory businesses,
      ConsoleUsers consoleUsers) {
    List<Admin> admins = properties.console().admins();
    if (admins.isEmpty()) {
      LOG.warn("No textback.console.admins: nobody can open the console or call /api");
    }
    for (Admin a : admins) {
      String role = Logins.role(a.role());
      if (!Logins.ROLES.contains(role)) {
        // A typo must not quietly make a full admin of a login meant to read metrics.
        throw new IllegalStateException("textback.console.admins: " + a.username() + " has role '" + a.role()
            + "'; the roles are ADMIN, MEMBER and METRICS");
      }
      if (role.equals("MEMBER") && a.businesses().isEmpty()) {
        throw new IllegalStateException("textback.console.admins: " + a.username()
            + " is a MEMBER without businesses: list the business ids the login may see");
      }
      for (String id : a.businesses()) {
        if (businesses.byId(id).isEmpty()) {
          throw new IllegalStateException("textback.console.admins: " + a.username() + " lists business '" + id
              + "', which is not configured");
        }
      }
    }
    List<UserDetails> users = admins.stream()
        .map(a -> Logins.login(a.username(), a.password(), a.role(), a.businesses()))
        .toList();
    // the configuration's logins first, then those invited from the console
    InMemoryUserDetailsManager configured = new InMemoryUserDetailsManager(users);
    return username -> configured.userExists(username) ? configured.loadUserByUsername(username)
        : consoleUsers.find(username).orElseThrow(() ->
            new org.springframework.security.core.userdetails.UsernameNotFoundException("no login " + username));
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }
}
