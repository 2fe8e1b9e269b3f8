package aero.severity.api.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import aero.severity.api.auth.Caller;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Charges one token per authenticated api request before its handler runs (the batch endpoint
 * charges the rest of its flights itself, once it knows how many there are).
 */
final class RateLimitInterceptor implements HandlerInterceptor {

    private final RateLimitEnforcer enforcer;

    RateLimitInterceptor(RateLimitEnforcer enforcer) {
        this.enforcer = enforcer;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken) {
            Caller caller = Caller.of(authentication);
            request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller.clientId());
            enforcer.charge(caller, 1, response);
        }
        return true;
    }
}
