package health.wearables.adapters.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.searchparam.extractor.SearchParamExtractorR4;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.hapi.ctx.HapiWorkerContext;
import org.hl7.fhir.r4.model.Base;

/**
 * HAPI's R4 search parameter extractor, with a FHIRPath engine that knows the R4 types and nothing more.
 *
 * <p>HAPI's own extractor builds its FHIRPath engine on the FHIR context's validation support, and the engine's
 * constructor asks that support for every StructureDefinition: the whole R4 specification, every resource with its
 * snapshot, every profile and extension (32 MB of XML), is parsed at start (2 s of the FHIR store's start, measured)
 * and stays on the heap (35 MB) for the life of the server, though the gateway never validates a resource. The engine
 * reads them for types only: a path's first name is matched against the resource's type and its ancestors, and
 * {@code is}, {@code as} and {@code ofType} check a value's type. {@link FhirTypeHierarchy} answers exactly that.
 *
 * <p>Everything else (which parameters are indexed, how values become index rows) is HAPI's: only the engine that
 * evaluates a parameter's path is replaced. No host services: no path the store indexes calls {@code resolve()}
 * ({@code LeanSearchParamExtractorTest} checks every active parameter against HAPI's own extractor).
 */
final class LeanSearchParamExtractor extends SearchParamExtractorR4 {
    /** Parsed paths: as many as the active search parameters have. */
    private final Map<String, ExpressionNode> parsed = new ConcurrentHashMap<>();

    private final Function<FhirContext, FhirTypeHierarchy> hierarchies;

    private volatile FHIRPathEngine engine;

    /** An extractor whose engine reads the type hierarchy of its context anew. */
    LeanSearchParamExtractor() {
        this(FhirTypeHierarchy::new);
    }

    /** An extractor whose engine takes the type hierarchy of its context from {@code hierarchies}. */
    LeanSearchParamExtractor(Function<FhirContext, FhirTypeHierarchy> hierarchies) {
        this.hierarchies = hierarchies;
    }

    @Override
    public void initFhirPath() {
        engine = new FHIRPathEngine(new HapiWorkerContext(getContext(), hierarchies.apply(getContext())));
    }

    @Override
    public IValueExtractor getPathValueExtractor(IBase resource, String singlePath) {
        return () -> {
            ExpressionNode expression = parsed.computeIfAbsent(singlePath, engine::parse);
            Base base = (Base) resource;
            return engine.evaluate(base, base, base, base, expression);
        };
    }
}
