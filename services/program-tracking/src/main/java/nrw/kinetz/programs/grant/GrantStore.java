package nrw.kinetz.programs.grant;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nrw.kinetz.model.event.EventEnvelope;
import nrw.kinetz.programs.grant.domain.Grant;

/**
 * Where grants live together with the events that announce their changes: a change and its events are one
 * atomic single-document write, the events stay pending until the relay has published them.
 */
interface GrantStore {

    Optional<StoredGrant> find(UUID grantId);

    /**
     * Stores a new grant at version 1.
     *
     * @return {@code false} if the site has a grant for this programme, block and budget year already that was
     *         not rejected (nothing was written)
     */
    boolean insert(Grant grant, List<EventEnvelope<?>> events);

    /**
     * Replaces the grant's state and appends its events if the stored version is still {@code expectedVersion}:
     * a compare-and-set, so a decision taken on a state someone else changed meanwhile is never written, and
     * the sums the grant's rules guard (drawn ≤ granted, passed on ≤ drawn) hold without a transaction.
     *
     * @return {@code false} if the grant changed in between (nothing was written)
     */
    boolean update(Grant grant, long expectedVersion, List<EventEnvelope<?>> events);

    List<StoredGrant> list(GrantFilter filter, int offset, int limit);

    long count(GrantFilter filter);

    /** Approved grants whose proof of use was due before {@code today} and is open or returned, oldest due first. */
    List<StoredGrant> overdueProofs(LocalDate today);
}
