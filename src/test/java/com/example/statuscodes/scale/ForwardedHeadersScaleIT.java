package com.example.statuscodes.scale;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In the scale profile the app trusts X-Forwarded-For only on connections from the configured proxy (here
 * 127.0.0.2; every 127.x address is this host): a client that sends the header itself cannot choose its
 * rate-limit bucket, while the proxy's header names the real client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.2",
                // a budget a slow machine spends well within one refill (one attempt every 20 s)
                "app.rate-limit.login-attempts-per-minute=3", "management.server.port=0"})
@ActiveProfiles("scale")
class ForwardedHeadersScaleIT {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        String redis = Services.redisUrl();
        String url = Services.freshDatabase("statuscodes_it_forwarded");
        registry.add("spring.datasource.url", () -> url);
        registry.add("app.rate-limit.redis.url", () -> redis);
        registry.add("app.rate-limit.redis.key-prefix", () -> "status-codes-api-it-" + UUID.randomUUID() + ":");
    }

    @LocalServerPort
    int port;

    @Test
    void a_client_cannot_choose_its_bucket_with_its_own_x_forwarded_for() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(wrongPassword("127.0.0.3", "198.51.100." + attempt)).as("attempt " + attempt).isEqualTo(401);
        }
        // A fresh address in the header changes nothing: the client is still 127.0.0.3, whose budget is spent.
        assertThat(wrongPassword("127.0.0.3", "198.51.100.99")).isEqualTo(429);
        assertThat(wrongPassword("127.0.0.3", null)).isEqualTo(429);
    }

    @Test
    void behind_the_trusted_proxy_each_real_client_has_its_own_bucket() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(wrongPassword("127.0.0.2", "203.0.113.10")).as("attempt " + attempt).isEqualTo(401);
        }
        assertThat(wrongPassword("127.0.0.2", "203.0.113.10")).isEqualTo(429);
        // Another client behind the same proxy, and a spoofed entry before the proxy's: the proxy appends the
        // address it saw, the rightmost untrusted entry is the client, so the spoofed one is ignored.
        assertThat(wrongPassword("127.0.0.2", "203.0.113.11")).isEqualTo(401);
        assertThat(wrongPassword("127.0.0.2", "203.0.113.99, 203.0.113.10")).isEqualTo(429);
    }

    private int wrongPassword(String from, String forwardedFor) {
        String head = "POST /api/auth/token HTTP/1.1\r\n"
                + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n");
        // A new account each time: the per-address limit alone, with no account reaching its own.
        return Api.rawStatus(port, from, head, "{\"email\":\"guess-" + UUID.randomUUID() + "@example.com\",\"password\":\"wrong\"}");
    }
}
