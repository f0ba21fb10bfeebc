package com.example.statuscodes.support;

import com.example.statuscodes.users.Role;
import com.example.statuscodes.users.User;
import com.example.statuscodes.users.UserRepository;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Mints tokens like the API does (fast: no bcrypt), and the forged ones an attacker would try. A token names a
 * user and nothing more: the API looks the role up. Forged tokens carry a role claim to show that it does not help.
 */
@TestComponent
public class Tokens {

    /** The claim {@code auth.TokenClaimRules} asks for: the account's count of password and role changes. */
    public static final String CREDENTIALS_VERSION = "credentials_version";

    private final JwtEncoder apiEncoder;
    private final SecretKey apiKey;
    private final UserRepository users;

    public Tokens(JwtEncoder apiEncoder, SecretKey jwtSigningKey, UserRepository users) {
        this.apiEncoder = apiEncoder;
        this.apiKey = jwtSigningKey;
        this.users = users;
    }

    /**
     * A token with exactly this payload (raw JSON, so a claim can be missing or of any type), correctly signed
     * with the API's key: what a holder of a leaked key could mint.
     */
    public String signedPayload(String payloadJson) {
        String signingInput = base64("{\"alg\":\"HS256\"}") + "." + base64(payloadJson);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(apiKey);
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code Authorization} header value for this user, as after a login. */
    public String bearer(long userId) {
        return "Bearer " + sign(apiEncoder, userId, null, Instant.now().plus(Duration.ofHours(1)));
    }

    public String expired(long userId) {
        return sign(apiEncoder, userId, Role.USER, Instant.now().minus(Duration.ofHours(1)));
    }

    /** Valid signature and lifetime (one hour from the given time), issued at the given time (e.g. before the account existed). */
    public String issuedAt(long userId, Instant issuedAt) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(Long.toString(userId))
                .claim(CREDENTIALS_VERSION, credentialsVersion(userId))
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(Duration.ofHours(1)))
                .build();
        return apiEncoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }

    public String signedWithAnotherKey(long userId) {
        byte[] otherKey = "another-secret-that-is-32-bytes-long!!".getBytes(StandardCharsets.UTF_8);
        JwtEncoder other = NimbusJwtEncoder.withSecretKey(new SecretKeySpec(otherKey, "HmacSHA256")).build();
        return sign(other, userId, Role.ADMIN, Instant.now().plus(Duration.ofHours(1)));
    }

    /** A valid USER token whose payload is rewritten to claim ADMIN; the signature no longer matches. */
    public String tamperedToAdmin(long userId) {
        String[] parts = sign(apiEncoder, userId, Role.USER, Instant.now().plus(Duration.ofHours(1))).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"USER\"", "\"ADMIN\"");
        return parts[0] + "." + base64(payload) + "." + parts[2];
    }

    /** The classic: {@code "alg": "none"} and no signature at all. */
    public String unsignedAlgNone(long userId) {
        long exp = Instant.now().plus(Duration.ofHours(1)).getEpochSecond();
        return base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
                + base64("{\"sub\":\"" + userId + "\",\"roles\":[\"ADMIN\"],\"exp\":" + exp + "}") + ".";
    }

    /** The account's current count, as a login now would write it (0 for an id with no account). */
    public int credentialsVersion(long userId) {
        return users.findById(userId).map(User::getCredentialsVersion).orElse(0);
    }

    private String sign(JwtEncoder encoder, long userId, Role forgedRole, Instant expiresAt) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .subject(Long.toString(userId))
                .claim(CREDENTIALS_VERSION, credentialsVersion(userId))
                .issuedAt(Instant.now().isBefore(expiresAt) ? Instant.now() : expiresAt.minus(Duration.ofHours(1)))
                .expiresAt(expiresAt);
        if (forgedRole != null) {
            claims.claim("roles", List.of(forgedRole.name()));
        }
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

}
