package com.example.statuscodes.idempotency;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
        return HexFormat.of().formatHex(hmac(key, utf8(json.writeValueAsString(request))));
    }

    /**
     * Strictly: {@code getBytes(UTF_8)} writes an unpaired surrogate as {@code ?}, so two requests that differ in one
     * would share a fingerprint and replay each other's answer. The JSON reading refuses such strings first
     * ({@code requestbody.UnicodeStrings}); this refuses them again rather than fingerprint something else.
     */
    private static byte[] utf8(String canonical) {
        try {
            ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(canonical));
            byte[] array = new byte[bytes.remaining()];
            bytes.get(array);
            return array;
        } catch (CharacterCodingException unpairedSurrogate) {
            throw new IllegalArgumentException("A request with an unpaired surrogate has no fingerprint", unpairedSurrogate);
        }
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
