package health.wearables.adapters.fhir;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.IDaoRegistry;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.cache.ISearchParamIdentityCacheSvc;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.sched.ISchedulerService;
import ca.uhn.fhir.jpa.provider.DaoRegistryResourceSupportedSvc;
import ca.uhn.fhir.jpa.sched.HapiSchedulerServiceImpl;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.jpa.search.IStaleSearchDeletingSvc;
import ca.uhn.fhir.jpa.search.StaleSearchDeletingSvcImpl;
import ca.uhn.fhir.jpa.searchparam.extractor.ISearchParamExtractor;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import ca.uhn.fhir.rest.api.IResourceSupportedSvc;
import jakarta.persistence.EntityManagerFactory;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.commons.dbcp2.BasicDataSource;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * HAPI FHIR's R4 JPA server, as the gateway needs it: its own Spring context (created and owned by
 * {@link EmbeddedFhirStore}), a pooled data source, Hibernate with HAPI's dialect, no full-text search, no narrative,
 * nothing validated against profiles on write.
 */
@Configuration
@Import({
    JpaR4Config.class,
    JpaBatch2Config.class,
    Batch2JobsConfig.class,
    SubscriptionChannelConfig.class,
    ThreadPoolFactoryConfig.class
})
public class HapiJpaConfiguration {

    @Bean(destroyMethod = "close")
    public BasicDataSource dataSource(FhirStoreSettings settings) {
        BasicDataSource dataSource = new BasicDataSource();
        dataSource.setDriverClassName(settings.driverClassName());
        dataSource.setUrl(settings.jdbcUrl());
        dataSource.setUsername(settings.username());
        dataSource.setPassword(settings.password());
        dataSource.setMaxTotal(settings.maxPoolSize());
        dataSource.setMaxWait(java.time.Duration.ofSeconds(5));
        dataSource.setDefaultQueryTimeout(java.time.Duration.ofSeconds(10));
        return dataSource;
    }

    @Bean
    public JpaStorageSettings storageSettings() {
        JpaStorageSettings settings = new JpaStorageSettings();
        // The gateway writes Endpoints only; the platform's Patient lives elsewhere, referenced logically.
        settings.setEnforceReferentialIntegrityOnWrite(false);
        settings.setEnforceReferentialIntegrityOnDelete(false);
        settings.setAutoCreatePlaceholderReferenceTargets(false);
        settings.setAllowExternalReferences(true);
        settings.setHibernateSearchIndexFullText(false);
        settings.setHibernateSearchIndexSearchParams(false);
        settings.setSchedulingDisabled(true);
        // HFJ_SPIDX_IDENTITY only maps index hashes back to a search parameter's name, for people reading the tables;
        // no search reads it. Filling it costs a background thread's writes for every search parameter at each start
        // (8% of the start's CPU on two cores) and a look-up on every indexed write.
        settings.setWriteToSearchParamIdentityTable(false);
        settings.setJobFastTrackingEnabled(false);
        // Only the search parameters the gateway searches on are indexed (IndexedSearchParameters, stored at start);
        // HAPI's built-in ones would cost every write a FHIRPath evaluation and index rows for each of them. Storing
        // those parameters reindexes nothing: the gateway's resources have always been indexed on them.
        settings.setAutoSupportDefaultSearchParams(false);
        settings.setMarkResourcesForReindexingUponSearchParameterChange(false);
        // HAPI would parse a stored SearchParameter's expression with a FHIRPath engine built on the whole R4
        // specification (every StructureDefinition parsed, 2 s, and kept on the heap, 35 MB): the only ones stored are
        // the gateway's own, HAPI's built-in expressions, which LeanSearchParamExtractorTest evaluates; /fhir writes
        // none.
        settings.setValidateSearchParameterExpressionsOnSave(false);
        // For the connection store's expunge of an Endpoint's superseded versions (their token ciphertext) right
        // after each write (FhirConnectionStore), and the sync points' of a sync state's (FhirSyncPoints: one version
        // per connection), both through SupersededVersions, rather than no history at all
        // (setResourceDbHistoryEnabled(false)):
        // an Observation whose value was revised keeps its earlier version. It does not open $expunge to anyone:
        // /fhir (ProjectFhirServlet) registers only the gateway's read and search providers, neither HAPI's resource
        // providers nor its system provider, which carry the $expunge operation (ProjectFhirServletTest asks for it);
        // and _expunge on a delete stays off, as there is no delete.
        settings.setExpungeEnabled(true);
        settings.setDeleteExpungeEnabled(false);
        settings.setAllowMultipleDelete(false);
        return settings;
    }

    /**
     * HAPI's job scheduler, with no jobs run: the gateway uses no bulk import or export, subscriptions, reindexing or
     * persisted searches, and every instance sharing the database would otherwise run them. Replaces JpaConfig's bean.
     */
    @Bean
    public ISchedulerService schedulerService() {
        HapiSchedulerServiceImpl scheduler = new HapiSchedulerServiceImpl();
        scheduler.setLocalSchedulingEnabled(false);
        scheduler.setClusteredSchedulingEnabled(false);
        return scheduler;
    }

    /**
     * HAPI's R4 search parameter extractor with a FHIRPath engine that holds no StructureDefinition
     * ({@link LeanSearchParamExtractor}). Replaces SearchParamConfig's bean.
     */
    @Bean
    public ISearchParamExtractor searchParamExtractor(FhirModelPreload preload) {
        return new LeanSearchParamExtractor(preload::hierarchy);
    }

    /** Reads the FHIR model on a second thread while the start builds Hibernate's metadata ({@link FhirModelPreload}). */
    @Bean
    public static FhirModelPreload fhirModelPreload() {
        return new FhirModelPreload();
    }

    /**
     * HAPI's cache of the search parameter identity table, which the store does not fill
     * ({@code setWriteToSearchParamIdentityTable(false)}, above): no identity is ever looked up or written, so neither
     * its thread pool nor its repository (built at start, 1.6 s of it measured) is needed. Replaces
     * JpaConfig's bean.
     */
    @Bean
    public ISearchParamIdentityCacheSvc searchParamIdentityCacheSvc() {
        return new ISearchParamIdentityCacheSvc() {
            @Override
            public boolean hasInFlightTasks() {
                return false;
            }

            @Override
            public void findOrCreateSearchParamIdentity(Long hashIdentity, String resourceType, String paramName) {
                // nothing is written to the identity table
            }
        };
    }

    @Bean
    public PartitionSettings partitionSettings() {
        return new PartitionSettings();
    }

    @Primary
    @Bean
    public LocalContainerEntityManagerFactoryBean entityManagerFactory(
            ConfigurableListableBeanFactory beanFactory,
            FhirContext fhirContext,
            JpaStorageSettings storageSettings,
            DataSource dataSource,
            FhirStoreSettings settings) {
        LocalContainerEntityManagerFactoryBean factory =
                HapiEntityManagerFactoryUtil.newEntityManagerFactory(beanFactory, fhirContext, storageSettings);
        factory.setPersistenceUnitName("HAPI_PU");
        factory.setDataSource(dataSource);
        factory.setJpaProperties(hibernateProperties(settings));
        return factory;
    }

    private static Properties hibernateProperties(FhirStoreSettings settings) {
        Properties properties = new Properties();
        properties.put("hibernate.dialect", settings.dialectClassName());
        properties.put("hibernate.hbm2ddl.auto", "update");
        properties.put("hibernate.search.enabled", "false");
        // No Bean Validation of HAPI's entities on every write: HAPI sizes what it stores itself (index strings are
        // truncated to their columns) and the database checks the rest. In AUTO mode Hibernate validated each entity
        // of each write with Hibernate Validator, whose 535 classes were loaded at start.
        properties.put("jakarta.persistence.validation.mode", "none");
        // ...and no nullability check of Hibernate's own in its place (Hibernate leaves it off when Bean Validation is
        // on, as it was): HAPI writes some not-null columns (the partition id of index rows) only as its entities are
        // flushed, and the database's NOT NULL constraints hold either way.
        properties.put("hibernate.check_nullability", "false");
        // No entity auditing: the gateway does not use it, and FHIR keeps its own resource history.
        properties.put("hibernate.integration.envers.enabled", "false");
        properties.put("hibernate.format_sql", "false");
        properties.put("hibernate.show_sql", "false");
        properties.put("hibernate.jdbc.batch_size", "20");
        properties.put("hibernate.cache.use_query_cache", "false");
        properties.put("hibernate.cache.use_second_level_cache", "false");
        properties.put("hibernate.cache.use_structured_entries", "false");
        properties.put("hibernate.cache.use_minimal_puts", "false");
        return properties;
    }

    @Bean
    public IResourceSupportedSvc resourceSupportedSvc(IDaoRegistry daoRegistry) {
        return new DaoRegistryResourceSupportedSvc(daoRegistry);
    }

    @Bean
    public DatabaseBackedPagingProvider pagingProvider() {
        DatabaseBackedPagingProvider paging = new DatabaseBackedPagingProvider();
        paging.setDefaultPageSize(20);
        paging.setMaximumPageSize(200);
        return paging;
    }

    @Bean
    public IStaleSearchDeletingSvc staleSearchDeletingSvc() {
        return new StaleSearchDeletingSvcImpl();
    }

    @Primary
    @Bean
    public JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
        return new JpaTransactionManager(entityManagerFactory);
    }
}
