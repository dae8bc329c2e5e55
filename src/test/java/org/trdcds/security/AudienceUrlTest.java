package org.trdcds.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

class AudienceUrlTest {

    @Test
    void isTheConfiguredBaseUrlWhateverHostTheRequestNamesAndWithoutQuery() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/cds-services/svc");
        request.setServerName("evil.example");
        request.addHeader("Host", "evil.example");
        request.setServerPort(8443);
        request.setScheme("https");
        request.setQueryString("x=1");

        assertThat(new AudienceUrl("https://cds.example.org").of(request))
                .isEqualTo("https://cds.example.org/cds-services/svc");
    }

    @Test
    void behindAProxyIsTheBaseUrlPlusThePathInsideTheApplication() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/app/cds-services/svc");
        request.setContextPath("/app");

        assertThat(new AudienceUrl("https://gw.example.org/trd/").of(request))
                .isEqualTo("https://gw.example.org/trd/cds-services/svc");
    }

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
        "https://cds.example.org/cds-services, https://cds.example.org/cds-services, true",
        "https://CDS.Example.org:443/cds-services, https://cds.example.org/cds-services, true",
        "http://cds.example.org:80/cds-services, http://cds.example.org/cds-services, true",
        "https://cds.example.org:8443/cds-services, https://cds.example.org/cds-services, false",
        "http://cds.example.org/cds-services, https://cds.example.org/cds-services, false",
        "https://cds.example.org/cds-services/, https://cds.example.org/cds-services, false",
        "https://cds.example.org/CDS-services, https://cds.example.org/cds-services, false",
        "cds-services, https://cds.example.org/cds-services, false",
        "'not a url', https://cds.example.org/cds-services, false"
    })
    void comparesSchemeAndHostCaseInsensitivelyAndDefaultPortsAsAbsent(String aud, String called, boolean same) {
        assertThat(AudienceUrl.same(aud, called)).isEqualTo(same);
    }
}
