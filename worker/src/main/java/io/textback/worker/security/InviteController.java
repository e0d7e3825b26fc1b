package io.textback.worker.security;

import io.textback.worker.TextbackProperties;
import io.textback.worker.business.BusinessDirectory;
import io.textback.worker.web.RequestRejectedException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * An admin invites a person ({@code POST /api/users/invites}: an email, a role, a member's
 * businesses) and hands them the one-time link it answers; the person opens it, chooses a password,
 * and signs in. textback sends no email: the admin passes the link on (local mode also logs it).
 */
@RestController
public class InviteController {
  static final int MIN_PASSWORD = 12;
  private static final Logger LOG = LoggerFactory.getLogger(InviteController.class);
  private final ConsoleUsers users;
  private final BusinessDirectory businesses;
  private final PasswordEncoder passwords;
  private final TextbackProperties properties;
  private final org.springframework.security.core.userdetails.UserDetailsService logins;

  public InviteController(ConsoleUsers users, BusinessDirectory businesses, PasswordEncoder passwords,
      TextbackProperties properties, org.springframework.security.core.userdetails.UserDetailsService logins) {
    this.users = users;
    this.businesses = businesses;
    this.passwords = passwords;
    this.properties = properties;
    this.logins = logins;
  }

  public record InviteRequest(String email, String role, List<String> businesses) {}

  @PostMapping("/api/users/invites")
  public ResponseEntity<Map<String, Object>> invite(@RequestBody InviteRequest request, Principal admin) {
    String email = request == null || request.email() == null ? "" : request.email().trim().toLowerCase(java.util.Locale.ROOT);
    if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 200) {
      throw new RequestRejectedException(HttpStatus.UNPROCESSABLE_ENTITY, "email must be an email address");
    }
    String role = Logins.role(request.role());
    if (!role.equals("ADMIN") && !role.equals("MEMBER")) {
      throw new RequestRejectedException(HttpStatus.UNPROCESSABLE_ENTITY, "role must be ADMIN or MEMBER");
    }
    List<String> of = request.businesses() == null ? List.of() : List.copyOf(request.businesses());
    if (role.equals("MEMBER") && of.isEmpty()) {
      throw new RequestRejectedException(HttpStatus.UNPROCESSABLE_ENTITY, "a MEMBER needs businesses: the ids they may see");
    }
    for (String id : of) {
      if (businesses.byId(id).isEmpty()) {
        throw new RequestRejectedException(HttpStatus.UNPROCESSABLE_ENTITY, "no business " + id);
      }
    }
    try {
      logins.loadUserByUsername(email);
      if (!users.exists(email)) { // a login of the configuration is changed there
        throw new RequestRejectedException(HttpStatus.CONFLICT, email + " is a login of the configuration");
      }
    } catch (org.springframework.security.core.userdetails.UsernameNotFoundException e) {
      // a new person: the usual case
    }
    String token = users.invite(email, role, role.equals("MEMBER") ? of : List.of(), admin.getName(),
        properties.console().inviteTtl());
    String link = properties.publicBaseUrl() + "/invite/" + token;
    String masked = masked(email);
    if (properties.console().printInviteLinks()) {
      LOG.info("Invite for {} ({}): {}", masked, role, link); // local mode only: no email leaves it
    } else {
      LOG.info("{} invited {} as {}", admin.getName(), masked, role);
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("email", email, "role", role, "link", link,
        "expiresIn", properties.console().inviteTtl().toString()));
  }

  @GetMapping(path = "/invite/{token}", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> open(@PathVariable String token, CsrfToken csrf) {
    Optional<ConsoleUsers.Invite> invite = users.pending(token);
    if (invite.isEmpty()) {
      return gone();
    }
    return ResponseEntity.ok(LoginPage.page("Choose a password", """
        <p>You are invited to textback as <strong>%s</strong> (%s). Choose a password of at least %d characters.</p>
        <form method="post">
          <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="new-password" required minlength="%d">
          <label for="confirm">The same again</label><input id="confirm" name="confirm" type="password" autocomplete="new-password" required>
          %s
          <button type="submit">Make my login</button>
        </form>""".formatted(HtmlUtils.htmlEscape(invite.get().email()), HtmlUtils.htmlEscape(invite.get().role().toLowerCase()),
        MIN_PASSWORD, MIN_PASSWORD, LoginPage.csrfField(csrf))));
  }

  @PostMapping(path = "/invite/{token}", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> accept(@PathVariable String token, @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String confirm, CsrfToken csrf) {
    if (users.pending(token).isEmpty()) {
      return gone();
    }
    String problem = password.length() < MIN_PASSWORD ? "The password must have at least " + MIN_PASSWORD + " characters."
        : !password.equals(confirm) ? "The two passwords differ." : null;
    if (problem != null) {
      return ResponseEntity.unprocessableEntity().body(LoginPage.page("Choose a password",
          "<p class=\"flag\">" + problem + "</p><p><a href=\"/invite/" + HtmlUtils.htmlEscape(token) + "\">Try again</a></p>"));
    }
    return users.accept(token, passwords.encode(password))
        .map(i -> {
          LOG.info("Invite accepted: {} can sign in as {}", masked(i.email()), i.role());
          return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", "/login?invited").body("");
        })
        .orElseGet(this::gone);
  }

  /** For logs: an email without its local part (***@example.com). */
  private static String masked(String email) {
    return email.replaceAll("^[^@]*", "***");
  }

  private ResponseEntity<String> gone() {
    return ResponseEntity.status(HttpStatus.GONE).contentType(MediaType.TEXT_HTML).body(LoginPage.page("Invite",
        "<p class=\"flag\">This link was used already or has expired. Ask your admin for a new invite.</p>"));
  }
}
