package org.trdcds.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

class ProtectedAreaTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/cds-services, CDS",
        "/cds-services/trd-ketamine-tms, CDS",
        "/cds-services/trd-ketamine-tms/feedback, CDS",
        "/admin, ADMIN",
        "/admin/knowledge/reload, ADMIN",
        "/actuator, ADMIN",
        "/actuator/prometheus, ADMIN",
        "/actuator/health, PUBLIC",
        "/actuator/health/liveness, PUBLIC",
        "/actuator/healthdump, ADMIN",
        "/, PUBLIC",
        "/error, PUBLIC",
        "/cds-services-docs, PUBLIC",
        "/administrator, PUBLIC"
    })
    void classifiesPaths(String path, ProtectedArea area) {
        assertThat(ProtectedArea.ofPath(path)).isEqualTo(area);
    }

    @Test
    void theStricterOfTheContainerAndMvcReadingsWins() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/health/../env");
        request.setServletPath("/actuator/env");

        assertThat(ProtectedArea.of(request)).isEqualTo(ProtectedArea.ADMIN);
    }

    @Test
    void doubledSlashesAndPathParametersDoNotHideAPath() {
        assertThat(ProtectedArea.of(new MockHttpServletRequest("GET", "//admin//reload")))
                .isEqualTo(ProtectedArea.ADMIN);
        assertThat(ProtectedArea.of(new MockHttpServletRequest("GET", "/cds-services;x=1/svc")))
                .isEqualTo(ProtectedArea.CDS);
    }
}
