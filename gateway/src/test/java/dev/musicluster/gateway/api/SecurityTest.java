package dev.musicluster.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.musicluster.infra.LocalInfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Writes need a configured API key; reads are public; browsers of other origins only where configured (CORS). */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class SecurityTest {

    private static final String RUN = "{\"runId\":\"run-security\",\"models\":[\"vae\"]}";

    @Test
    void writesNeedAKnownApiKeyAndReadsDoNot() {
        given().contentType(ContentType.JSON).body(RUN).post("/api/runs").then().statusCode(401)
                .header("WWW-Authenticate", "ApiKey header=\"X-API-Key\"");
        given().header("X-API-Key", "not-one-of-the-keys-at-all").contentType(ContentType.JSON).body(RUN).post("/api/runs")
                .then().statusCode(401);
        given().multiPart("metadata", "{\"title\":\"x\"}", "application/json").post("/api/songs").then().statusCode(401);
        given().header("X-API-Key", Writers.KEY).contentType(ContentType.JSON).body(RUN).post("/api/runs").then().statusCode(202);
        given().header("Authorization", "Bearer second-0123456789abcdef").contentType(ContentType.JSON).body(RUN).post("/api/runs")
                .then().statusCode(202);
        given().get("/api/songs").then().statusCode(200);
        given().get("/api/runs").then().statusCode(200);
        given().get("/").then().statusCode(200);
    }

    @Test
    void onlyTheConfiguredOriginMayCallFromABrowser() {
        given().header("Origin", "https://ui.example.org").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "X-API-Key,Content-Type").options("/api/runs").then()
                .header("Access-Control-Allow-Origin", equalTo("https://ui.example.org"));
        given().header("Origin", "https://elsewhere.example.com").header("Access-Control-Request-Method", "POST")
                .options("/api/runs").then().header("Access-Control-Allow-Origin", nullValue());
    }
}
