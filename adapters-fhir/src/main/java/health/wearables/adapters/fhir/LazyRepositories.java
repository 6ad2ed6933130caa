package health.wearables.adapters.fhir;

import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ContextAnnotationAutowireCandidateResolver;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;
import org.springframework.util.ClassUtils;

/**
 * Spring Data's lazy bootstrap mode for HAPI's repositories: a repository is built when it is first called, not when
 * the FHIR store starts.
 *
 * <p>Building a repository validates every {@code @Query} of it with Hibernate's HQL parser; HAPI declares 56
 * repositories, most of which the gateway never calls (terminology, bulk export, subscriptions, batch jobs, MDM), and
 * their validation was a tenth of the server's start. Spring Data offers {@code bootstrapMode = LAZY} on
 * {@code @EnableJpaRepositories} for this, but the annotation is HAPI's ({@code JpaConfig}): this does what that mode
 * does, from outside. Repository definitions become lazy, and every injection point of a repository type gets Spring's
 * lazy-resolution proxy, which builds the repository on its first call. A query still fails its validation then, on
 * first use, with the same message.
 */
final class LazyRepositories {
    private final ConfigurableListableBeanFactory beanFactory;
    /** The repository bean names, found once, by the post-processor, before any bean is built. */
    private volatile Set<String> definitions = Set.of();

    private LazyRepositories(ConfigurableListableBeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    /** Before {@code refresh()}: makes the context's repositories lazy. */
    static LazyRepositories install(AnnotationConfigApplicationContext context) {
        LazyRepositories repositories = new LazyRepositories(context.getBeanFactory());
        context.getDefaultListableBeanFactory().setAutowireCandidateResolver(new LazyRepositoryInjection());
        context.addBeanFactoryPostProcessor(repositories::makeDefinitionsLazy);
        return repositories;
    }

    /** The names of every repository the context defines (empty before its refresh). */
    Set<String> definitions() {
        return definitions;
    }

    /** The names of the repository beans built so far. */
    Set<String> built() {
        Set<String> built = new TreeSet<>();
        for (String name : definitions) {
            if (beanFactory.containsSingleton(name)) {
                built.add(name);
            }
        }
        return built;
    }

    private void makeDefinitionsLazy(ConfigurableListableBeanFactory factory) {
        Set<String> names = new TreeSet<>();
        Arrays.stream(factory.getBeanDefinitionNames())
                .filter(name -> isRepositoryFactory(factory, factory.getBeanDefinition(name)))
                .forEach(names::add);
        for (String name : names) {
            factory.getBeanDefinition(name).setLazyInit(true);
        }
        definitions = Collections.unmodifiableSet(names);
    }

    private static boolean isRepositoryFactory(ConfigurableListableBeanFactory beanFactory, BeanDefinition definition) {
        String className = definition.getBeanClassName();
        if (className == null) {
            return false;
        }
        ClassLoader loader = beanFactory.getBeanClassLoader();
        return ClassUtils.isPresent(className, loader)
                && RepositoryFactoryBeanSupport.class.isAssignableFrom(ClassUtils.resolveClassName(className, loader));
    }

    /** Resolves an injection point of a repository type to a proxy that builds the repository on first call. */
    private static final class LazyRepositoryInjection extends ContextAnnotationAutowireCandidateResolver {
        @Override
        protected boolean isLazy(DependencyDescriptor descriptor) {
            return super.isLazy(descriptor) || Repository.class.isAssignableFrom(descriptor.getDependencyType());
        }
    }
}
