package com.example.statuscodes.ratelimit;

import com.example.statuscodes.auth.FailedLogins;
import org.springframework.stereotype.Component;

/**
 * Failed logins per account (normalised e-mail), whatever address they come from: the per-address login limit
 * alone lets a botnet of N addresses try N times as many passwords. Only failures count, so a user who types the
 * right password is never slowed down by their own successful logins.
 * <p>
 * The trade-off: an attacker who knows an address can keep its account at the limit, so while an attack goes on
 * its real owner may have to wait for the next attempt. The bucket refills gradually (one attempt every
 * {@code window / quota}, a minute by default), so that wait is short and ends as soon as the attack stops; a
 * lock-out for hours would be a denial of service handed to the attacker.
 */
@Component
class AccountLoginLimit implements FailedLogins {

    private final RateLimiter limiter;
    private final RateLimitPolicy policy;
    private final boolean enabled;

    AccountLoginLimit(RateLimiter limiter, RateLimitProperties properties) {
        this.limiter = limiter;
        this.policy = policy(properties);
        this.enabled = properties.enabled();
    }

    @Override
    public void requireAttemptsLeft(String normalisedEmail) {
        if (enabled) {
            RateLimiter.Decision left = limiter.peek(policy, key(normalisedEmail));
            if (!left.allowed()) {
                throw new RateLimitExceededException(policy, left.secondsUntilMore());
            }
        }
    }

    @Override
    public void recordFailure(String normalisedEmail) {
        if (enabled) {
            limiter.tryConsume(policy, key(normalisedEmail));
        }
    }

    /** The account's budget; the login limiter announces it too, since it applies to every login. */
    static RateLimitPolicy policy(RateLimitProperties properties) {
        return new RateLimitPolicy("login-account", properties.failedLoginsPerAccount(), properties.failedLoginsWindow());
    }

    private static String key(String normalisedEmail) {
        return "email:" + normalisedEmail;
    }
}
