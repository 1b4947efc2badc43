package org.pumpauth.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The access log shows the API's own paths as they are and nothing a client made up. */
class AccessLogTest {
    @ParameterizedTest
    @ValueSource(strings = {"/v1/cases", "/v1/evaluate", "/v1/openapi.json",
        "/v1/cases/a4a04d56-45a6-47fd-99fd-5c42555f1be1", "/v1/cases/a4a04d56-45a6-47fd-99fd-5c42555f1be1/decision",
        "/v1/cases/a4a04d56-45a6-47fd-99fd-5c42555f1be1/extension", "/v1/cases/a4a04d56-45a6-47fd-99fd-5c42555f1be1/appeal",
        "/v1/cases/a4a04d56-45a6-47fd-99fd-5c42555f1be1/peer-to-peer",
        "/v1/cases/a4a04d56-45a6-47fd-99fd-5c42555f1be1/notes", "/v1/cases/a4a04d56-45a6-47fd-99fd-5c42555f1be1/proposals",
        "/v1/cases/a4a04d56-45a6-47fd-99fd-5c42555f1be1/letters",
        "/v1/cases/a4a04d56-45a6-47fd-99fd-5c42555f1be1/letters/0b8e5a53-3f0c-4a4e-9d63-2f4b8b2a9c11.pdf",
        "/v1/cases/a4a04d56-45a6-47fd-99fd-5c42555f1be1/letters/0b8e5a53-3f0c-4a4e-9d63-2f4b8b2a9c11.html",
        "/fhir/metadata", "/fhir/Claim/$submit", "/fhir/Claim/$inquire", "/fhir/Subscription", "/cds-services",
        "/cds-services/pumpauth-order-sign",
        "/fhir/Questionnaire/nia-cg-310-2024-01-01-implant-chronic-pain", "/fhir/Questionnaire/cms-ncd-280.14-2004-12-17-trial"})
    void an_api_path_is_logged_as_it_is(String path) {
        assertThat(HttpApi.loggedPath(path)).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/cases/morphine-for-John-Doe", "/v1/cases/a4a04d56-45a6-47fd-99fd-5c42555f1be1/diary",
        "/v1/cases/a4a04d56-45a6-47fd-99fd-5c42555f1be1/appeal/John-Doe",
        "/favicon.ico", "/v1/cases/", "/v1/cases/a4a04d56-45a6-47fd-99fd-5c42555f1be1/letters/John-Doe.pdf",
        "/fhir/JohnDoe", "/fhir/Patient/John-Doe", "/fhir/Claim/John-Doe", "/cds-services/john-doe",
        "/fhir/Questionnaire/John-Doe", "/fhir/Questionnaire/john-doe-1961-05-09", "/fhir/Questionnaire/Doe-2024-01-01-x"})
    void any_other_path_is_logged_as_a_placeholder(String path) {
        assertThat(HttpApi.loggedPath(path)).isEqualTo("(a path outside the API)");
    }
}
