package nrw.kinetz.reporting.activity.projection;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import nrw.kinetz.reporting.activity.model.Generation;
import nrw.kinetz.reporting.activity.store.ActivityGenerations;
import nrw.kinetz.reporting.activity.store.ActivityStore;

/**
 * The activities read model as the rest of the service sees it: the store of the active generation, and
 * stores of other generations for a rebuild. The live store announces its changes to the feed and guards its
 * writes; a rebuild's replay store does neither — it repeats what the feed has already said, into collections
 * nobody else writes.
 */
public final class ActivityReadModel {

    private final ActivityGenerations generations;
    private final BiFunction<Generation, Boolean, ActivityStore> stores;
    private final Map<String, ActivityStore> opened = new ConcurrentHashMap<>();

    /**
     * @param stores opens the store of a generation; the flag says whether it is the live store or a replay's
     */
    public ActivityReadModel(ActivityGenerations generations, BiFunction<Generation, Boolean, ActivityStore> stores) {
        this.generations = generations;
        this.stores = stores;
    }

    public Generation activeGeneration() {
        return generations.active();
    }

    /** The store queries read and live events are written to. */
    public ActivityStore active() {
        return store(generations.active(), true);
    }

    /** @param live whether it is the live store (announced, guarded) or a replay's */
    public ActivityStore store(Generation generation, boolean live) {
        return opened.computeIfAbsent(generation.suffix() + "/" + live, k -> stores.apply(generation, live));
    }

    /** Forgets the stores of a dropped generation, so that a later one of the same number starts afresh. */
    public void forget(Generation generation) {
        opened.keySet().removeIf(key -> key.startsWith(generation.suffix() + "/"));
    }

    public void activate(Generation generation) {
        generations.activate(generation);
    }

    /** @see ActivityGenerations#writable() */
    public Optional<Generation> writableGeneration() {
        return generations.writable();
    }

    /** @see ActivityGenerations#beginHandover(Generation) */
    public void beginHandover(Generation next) {
        generations.beginHandover(next);
    }

    /** @see ActivityGenerations#cancelHandover() */
    public void cancelHandover() {
        generations.cancelHandover();
    }
}
