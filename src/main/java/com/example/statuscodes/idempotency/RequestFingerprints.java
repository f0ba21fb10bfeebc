package com.example.statuscodes.idempotency;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Which request a key was used for, as stored: an HMAC-SHA256 of the request's canonical JSON. The request may carry
 * a password, so a plain hash would let anyone holding a stolen row test password guesses offline; the HMAC needs
 * the server's secret, which is not in the database. The secret is the application's one shared key (the token
 * signing key, which every instance must share anyway), through a key of its own derived from it: a fingerprint is
 * then never a value that could pass as a token signature, and the same on every instance, so a retry through
 * another instance still matches.
 */
@Component
class RequestFingerprints {

    private static final String PURPOSE = "Idempotency-Key request fingerprint";

    private final SecretKeySpec key;
    private final JsonMapper json;

    RequestFingerprints(SecretKey serverKey, JsonMapper json) {
        this.key = new SecretKeySpec(hmac(serverKey, PURPOSE.getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
        this.json = json;
    }

    String of(Object request) {
        return HexFormat.of().formatHex(hmac(key, json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(SecretKey key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException impossible) { // HmacSHA256 is in every JDK, and the key is HMAC's own
            throw new IllegalStateException(impossible);
        }
    }
}
