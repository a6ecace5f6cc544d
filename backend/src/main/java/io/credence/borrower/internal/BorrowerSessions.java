package io.credence.borrower.internal;

import io.credence.auth.ChainFamily;
import io.credence.borrower.BorrowerEvents.WalletUnlinked;
import io.credence.borrower.BorrowerPrincipal;
import io.credence.borrower.ProfileId;
import io.credence.platform.Roles;
import io.credence.platform.WalletRoles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Borrower sessions: started after a verified wallet sign-in, found again by profile (Spring
 * Session's principal-name index) and ended by wallet — unlinking a wallet ends every session that
 * wallet opened — or all at once ("sign out everywhere").
 */
@Component
public class BorrowerSessions {

  /** Epoch millis of the sign-in; the absolute lifetime counts from here. */
  static final String SIGNED_IN_AT = "credence.signed-in-at";

  private final SecurityContextHolderStrategy contexts =
      SecurityContextHolder.getContextHolderStrategy();
  private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();
  private final CsrfTokenRepository csrfTokens;
  private final FindByIndexNameSessionRepository<? extends Session> sessions;
  private final Clock clock;
  private final WalletRoles walletRoles;

  BorrowerSessions(
      CsrfTokenRepository csrfTokens,
      FindByIndexNameSessionRepository<? extends Session> sessions,
      Clock clock,
      WalletRoles walletRoles) {
    this.csrfTokens = csrfTokens;
    this.sessions = sessions;
    this.clock = clock;
    this.walletRoles = walletRoles;
  }

  /**
   * Makes this request's caller the given borrower: a fresh session id (no fixation) and a fresh
   * CSRF token, both sent back as cookies. Every wallet is a borrower; a wallet configured as a
   * lender or compliance officer also gets that role (issue 11), only from the wallet that signed
   * in, never from other wallets linked to the profile.
   */
  public void signIn(
      ProfileId profileId,
      String address,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (request.getSession(false) != null) {
      request.changeSessionId();
    } else {
      request.getSession(true);
    }
    List<SimpleGrantedAuthority> roles = new java.util.ArrayList<>();
    roles.add(new SimpleGrantedAuthority(Roles.BORROWER));
    roles.addAll(walletRoles.grantedTo(address));
    var authentication =
        UsernamePasswordAuthenticationToken.authenticated(
            new BorrowerPrincipal(profileId, address), null, roles);
    SecurityContext context = contexts.createEmptyContext();
    context.setAuthentication(authentication);
    contexts.setContext(context);
    repository.saveContext(context, request, response);
    request.getSession().setAttribute(SIGNED_IN_AT, clock.millis());
    CsrfToken fresh = csrfTokens.generateToken(request);
    csrfTokens.saveToken(fresh, request, response);
    request.setAttribute(CsrfToken.class.getName(), fresh);
  }

  /** Ends every session of the profile, the caller's included; returns how many there were. */
  public int signOutEverywhere(ProfileId profileId) {
    return end(profileId, principal -> true);
  }

  /**
   * An unlinked wallet's sessions end with the unlink, inside its transaction: a thief who signed
   * in with a stolen key loses the profile the moment the owner unlinks that key.
   */
  @EventListener
  void on(WalletUnlinked event) {
    if (event.family() == ChainFamily.EVM) { // only EVM wallets sign in
      end(event.profileId(), principal -> principal.address().equals(event.address()));
    }
  }

  private int end(ProfileId profileId, Predicate<BorrowerPrincipal> which) {
    Map<String, ? extends Session> found = sessions.findByPrincipalName(profileId.toString());
    Optional<HttpSession> current = currentSession();
    int ended = 0;
    for (var entry : found.entrySet()) {
      Optional<BorrowerPrincipal> principal = principalOf(entry.getValue());
      if (principal.isEmpty() || !which.test(principal.get())) {
        continue;
      }
      ended++;
      if (current.isPresent() && current.get().getId().equals(entry.getKey())) {
        // The caller's own session: invalidating it through the request keeps the session
        // filter from writing it back at the end of the request.
        current.get().invalidate();
      } else {
        sessions.deleteById(entry.getKey());
      }
    }
    return ended;
  }

  private static Optional<BorrowerPrincipal> principalOf(Session session) {
    Object context =
        session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
    if (context instanceof SecurityContext security
        && security.getAuthentication() != null
        && security.getAuthentication().getPrincipal() instanceof BorrowerPrincipal principal) {
      return Optional.of(principal);
    }
    return Optional.empty();
  }

  private static Optional<HttpSession> currentSession() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
      return Optional.ofNullable(servlet.getRequest().getSession(false));
    }
    return Optional.empty();
  }
}
