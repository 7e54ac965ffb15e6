package io.sello.storage;

/** The registry on the embedded default: H2 in PostgreSQL mode. */
class H2RegistryTest extends RegistryContract {
    @Override
    String url() {
        return "jdbc:h2:mem:registry-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }
}
