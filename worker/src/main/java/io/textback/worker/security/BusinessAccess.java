package io.textback.worker.security;

import io.textback.worker.business.Business;
import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Which businesses the person behind this request may see: an admin every one, a member only those
 * of their login ({@code businesses}). Everything of another business answers as if it did not exist
 * (404), so a member cannot even learn which businesses textback serves. Requests without a person
 * (webhooks, which check their provider's signature, and the CRM card's backend) and jobs are not
 * limited here: Spring Security's rules decide who reaches those.
 */
@Component
public class BusinessAccess {
  /** A member's authority for each of their businesses. */
  public static final String AUTHORITY_PREFIX = "BUSINESS:";

  public boolean canSee(String businessId) {
    Authentication person = SecurityContextHolder.getContext().getAuthentication();
    if (person == null || person instanceof AnonymousAuthenticationToken || !person.isAuthenticated()) {
      return true;
    }
    Collection<? extends GrantedAuthority> granted = person.getAuthorities();
    return granted.stream().map(GrantedAuthority::getAuthority)
        .anyMatch(a -> a.equals("ROLE_ADMIN") || a.equals(AUTHORITY_PREFIX + businessId));
  }

  public List<Business> visible(List<Business> businesses) {
    return businesses.stream().filter(b -> canSee(b.id())).toList();
  }
}
