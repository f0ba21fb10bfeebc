package com.example.statuscodes.auth;

import com.example.statuscodes.users.PasswordRules;
import com.example.statuscodes.users.User;
import com.example.statuscodes.users.UserRepository;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Checks a password and issues a token whose subject is the user id. */
@Service
class TokenService {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final JwtEncoder jwtEncoder;
    private final JwtProperties properties;
    private final Clock clock;
    private final FailedLogins failedLogins;
    /** Compared against when the e-mail is unknown, so both failures cost one bcrypt check (no timing oracle). */
    private final String dummyHash;

    TokenService(UserRepository users, PasswordEncoder passwordEncoder, JwtEncoder jwtEncoder,
                        JwtProperties properties, Clock clock, FailedLogins failedLogins) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.jwtEncoder = jwtEncoder;
        this.properties = properties;
        this.clock = clock;
        this.failedLogins = failedLogins;
        this.dummyHash = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    public TokenResponse login(LoginRequest request) {
        String email = User.normaliseEmail(request.email());
        failedLogins.requireAttemptsLeft(email); // for any address, existing or not: a 429 reveals no account
        User user = users.findByEmail(email).orElse(null);
        String hash = user != null && user.getPasswordHash() != null ? user.getPasswordHash() : dummyHash;
        // bcrypt refuses input over 72 bytes; such a password cannot be right, but still costs one check.
        boolean fits = PasswordRules.Validator.fitsBcrypt(request.password());
        boolean matches = passwordEncoder.matches(fits ? request.password() : "too-long", hash);
        if (user == null || user.getPasswordHash() == null || !fits || !matches) {
            failedLogins.recordFailure(email);
            throw new InvalidCredentialsException();
        }
        return issue(user);
    }

    private TokenResponse issue(User user) {
        Instant now = Instant.now(clock);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(user.getId().toString())
                .issuedAt(now)
                .expiresAt(now.plus(properties.ttl()))
                .claim("email", user.getEmail())
                .claim(TokenClaimRules.CREDENTIALS_VERSION, user.getCredentialsVersion())
                .build(); // no role claim: the role is looked up per request (AccountJwtAuthenticationConverter)
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        String token = jwtEncoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new TokenResponse(token, "Bearer", properties.ttl().toSeconds());
    }
}
