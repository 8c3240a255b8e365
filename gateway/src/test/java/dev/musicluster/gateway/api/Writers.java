package dev.musicluster.gateway.api;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** Requests that write carry one of the API keys of the test profile (application.properties, %test). */
final class Writers {

    static final String KEY = "tests-0123456789abcdef";

    private Writers() {
    }

    static RequestSpecification given() {
        return RestAssured.given().header("X-API-Key", KEY);
    }
}
