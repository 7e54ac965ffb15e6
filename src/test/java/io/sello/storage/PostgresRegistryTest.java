package io.sello.storage;

import io.sello.support.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry on a real PostgreSQL server, which scripts/test.sh starts (scripts/postgres-for-tests.sh)
 * and names in {@code SELLO_TEST_POSTGRES_URL}. Without it this test fails rather than skips: a
 * green build must mean both databases were exercised.
 */
@SlowTest
class PostgresRegistryTest extends RegistryContract {
    @Override
    String url() {
        String url = System.getenv("SELLO_TEST_POSTGRES_URL");
        assertThat(url)
                .as("SELLO_TEST_POSTGRES_URL: run scripts/test.sh, or start one with `. scripts/postgres-for-tests.sh`")
                .isNotBlank();
        return url;
    }
}
