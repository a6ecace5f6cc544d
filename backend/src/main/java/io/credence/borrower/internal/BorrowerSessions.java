package io.credence.borrower.internal;

import io.credence.borrower.BorrowerPrincipal;
import io.credence.borrower.ProfileId;
import io.credence.platform.Roles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Component;

/** Starts a borrower's session after a verified wallet sign-in. */
@Component
public class BorrowerSessions {

  private final SecurityContextHolderStrategy contexts =
      SecurityContextHolder.getContextHolderStrategy();
  private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();
  private final CsrfTokenRepository csrfTokens;

  BorrowerSessions(CsrfTokenRepository csrfTokens) {
    this.csrfTokens = csrfTokens;
  }

  /**
   * Makes this request's caller the given borrower: a fresh session id (no fixation) and a fresh
   * CSRF token, both sent back as cookies.
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
    var authentication =
        UsernamePasswordAuthenticationToken.authenticated(
            new BorrowerPrincipal(profileId, address),
            null,
            List.of(new SimpleGrantedAuthority(Roles.BORROWER)));
    SecurityContext context = contexts.createEmptyContext();
    context.setAuthentication(authentication);
    contexts.setContext(context);
    repository.saveContext(context, request, response);
    CsrfToken fresh = csrfTokens.generateToken(request);
    csrfTokens.saveToken(fresh, request, response);
    request.setAttribute(CsrfToken.class.getName(), fresh);
  }
}
