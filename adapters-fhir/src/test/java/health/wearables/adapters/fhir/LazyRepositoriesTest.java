package health.wearables.adapters.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.dao.data.ITermValueSetDao;
import org.junit.jupiter.api.Test;

/**
 * HAPI's repositories are built on first use ({@link LazyRepositories}): the started store has built only those its
 * start needed, and one it had not built answers when it is first asked, through the same bean.
 */
class LazyRepositoriesTest {
    private static final String TERMINOLOGY_VALUE_SETS = "ITermValueSetDao";

    @Test
    void theStartedStoreHasBuiltOnlySomeOfItsRepositories() {
        EmbeddedFhirStore store = SharedFhirStore.get();

        assertThat(store.repositories()).hasSizeGreaterThan(40);
        assertThat(store.builtRepositories())
                .hasSizeLessThan(store.repositories().size() / 2);
    }

    @Test
    void aRepositoryTheGatewayNeverCalledIsBuiltWhenFirstCalled() {
        EmbeddedFhirStore store = SharedFhirStore.get();
        assertThat(store.repositories()).contains(TERMINOLOGY_VALUE_SETS);
        assertThat(store.builtRepositories()).doesNotContain(TERMINOLOGY_VALUE_SETS);

        long valueSets = store.bean(ITermValueSetDao.class).count();

        assertThat(valueSets).isZero();
        assertThat(store.builtRepositories()).contains(TERMINOLOGY_VALUE_SETS);
    }
}
