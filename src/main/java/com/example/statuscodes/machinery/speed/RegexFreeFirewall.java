package com.example.statuscodes.machinery.speed;

import com.example.statuscodes.errors.KnownMethods;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Buys about a tenth of an authenticated GET's CPU: Spring Security's firewall with its header rules checked by
 * loops instead of its Unicode-category regular expressions, which JFR found matching every header value, the access
 * token included (bench/BENCHMARKS.md, profiling notes). Same rules, same refusals: {@code RegexFreeFirewallTest}
 * compares the loops with the patterns, and the refusals still go to {@code auth.SecurityConfig}'s handler.
 * The methods it lets through are exactly {@code errors.KnownMethods.METHODS}, TRACE included. Without this class,
 * Spring's default {@link StrictHttpFirewall} applies.
 */
@Configuration(proxyBeanMethods = false)
class RegexFreeFirewall {

    @Bean
    WebSecurityCustomizer firewallWithoutRegularExpressions() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(RegexFreeFirewall::isAllowedHeaderName);
        firewall.setAllowedHeaderValues(RegexFreeFirewall::isAllowedHeaderValue);
        // TRACE too (Spring's list leaves it out, as a 400): it gets each resource's own 405
        // (machinery.tomcat.TraceLikeAnyOtherMethod). Any other method is KnownMethods' 501 before the firewall.
        firewall.setAllowedHttpMethods(KnownMethods.METHODS);
        return web -> web.httpFirewall(firewall);
    }

    /** The firewall's rule for header names, {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}. */
    static boolean isAllowedHeaderName(String name) {
        return assignedAndNotControl(name, false);
    }

    /** The firewall's rule for header values, {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}: a tab is allowed. */
    static boolean isAllowedHeaderValue(String value) {
        return assignedAndNotControl(value, true);
    }

    /** Every code point assigned, none a control character (but a tab, where allowed). */
    private static boolean assignedAndNotControl(String value, boolean tabAllowed) {
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tabAllowed && codePoint == '\t'))) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
