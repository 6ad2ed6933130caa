package health.wearables.adapters.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.model.RequestPartitionId;
import ca.uhn.fhir.jpa.api.svc.IIdHelperService;
import ca.uhn.fhir.jpa.api.svc.ResolveIdentityMode;
import ca.uhn.fhir.jpa.model.cross.IResourceLookup;
import ca.uhn.fhir.jpa.model.dao.JpaPid;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.util.FhirTerser;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * The targets of the local references ({@code Patient/p1}, {@code Endpoint/77}) of resources about to be created
 * together, looked up in one query and handed to HAPI's creates in their {@link TransactionDetails}, as HAPI's own
 * transaction processor does for a Bundle (its {@code preFetchResourcesById}). Without it each create looks up each
 * of its references on its own, while indexing it: for an audit record, its Endpoint and its Patient, two queries per
 * record (the Patient never found: the store holds none). A target found is given with its resource id; one not found
 * (or deleted) is marked not found, which HAPI then does not look up again, and indexes no link to, as before (the
 * store does not enforce referential integrity: {@link HapiJpaConfiguration#storageSettings}).
 *
 * <p>Must run in the transaction of the creates: a target deleted in between would otherwise still be linked.
 */
final class ReferenceTargets {
    private final IIdHelperService<JpaPid> ids;
    private final FhirTerser terser;

    @SuppressWarnings("unchecked") // HAPI's JPA id helper is typed on JpaPid; the bean's class does not carry it
    ReferenceTargets(EmbeddedFhirStore store) {
        this.ids = store.bean(IIdHelperService.class);
        FhirContext context = store.fhirContext();
        this.terser = context.newTerser();
    }

    /** Looks up the targets that {@code resources} reference by type and id, and records them in {@code details}. */
    void resolveInto(Collection<? extends IBaseResource> resources, TransactionDetails details) {
        Map<String, IIdType> targets = new LinkedHashMap<>();
        for (IBaseResource resource : resources) {
            for (var reference : terser.getAllResourceReferences(resource)) {
                IIdType target = reference.getResourceReference().getReferenceElement();
                if (isLocal(target)) {
                    IIdType versionless = target.toUnqualifiedVersionless();
                    targets.putIfAbsent(versionless.getValue(), versionless);
                }
            }
        }
        if (targets.isEmpty()) {
            return;
        }
        Map<IIdType, IResourceLookup<JpaPid>> found = ids.resolveResourceIdentities(
                RequestPartitionId.allPartitions(),
                targets.values(),
                ResolveIdentityMode.excludeDeleted().noCacheUnlessDeletesDisabled());
        Map<String, JpaPid> byValue = new LinkedHashMap<>();
        found.forEach((id, lookup) -> {
            if (lookup.getDeleted() == null) {
                byValue.put(id.toUnqualifiedVersionless().getValue(), lookup.getPersistentId());
            }
        });
        targets.forEach((value, id) -> details.addResolvedResourceId(id, byValue.get(value)));
    }

    /** A reference to a resource of this store by type and id: not absolute, not contained, not conditional. */
    private static boolean isLocal(IIdType target) {
        return target != null
                && !target.isEmpty()
                && !target.isAbsolute()
                && !target.isLocal()
                && !target.isUuid()
                && target.hasResourceType()
                && target.hasIdPart()
                && !target.getValue().contains("?");
    }
}
