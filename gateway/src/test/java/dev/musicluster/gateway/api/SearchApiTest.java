package dev.musicluster.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import dev.musicluster.infra.LocalInfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Search refuses what it cannot answer with a clear status; with no embedding service reachable it says so (503)
 * rather than hang. Searching for real, through the embedding service, is in the main-job test.
 */
@QuarkusTest
@WithTestResource(LocalInfraTestResource.class)
class SearchApiTest {

    @Test
    void badQueriesAre400AndAnUnreachableEmbeddingServiceIs503() {
        given().get("/api/search").then().statusCode(400).body("error", containsString("text= is required"));
        given().queryParam("text", "hello").queryParam("k", 0).get("/api/search").then().statusCode(400)
                .body("error", containsString("between 1 and 100"));
        given().queryParam("text", "x".repeat(10_001)).get("/api/search").then().statusCode(400)
                .body("error", containsString("at most 10000"));
        given().queryParam("text", "twinkle twinkle little star").get("/api/search").then().statusCode(503)
                .body("error", containsString("embedding service is unreachable"));
    }

    @Test
    void theWebUiAndItsChartLibraryAreServed() {
        given().get("/").then().statusCode(200).body(containsString("<title>musicluster</title>"));
        given().get("/app.js").then().statusCode(200).body(containsString("api/search"));
        given().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then().statusCode(200);
    }
}
