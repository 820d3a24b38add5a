package nrw.kinetz.reporting.activity.store;

import java.util.Optional;

import nrw.kinetz.reporting.activity.model.Generation;

/** A pointer that always names one generation, for tests of a single generation; switching is not supported. */
public final class FixedGenerations implements ActivityGenerations {

    private final Generation generation;

    public FixedGenerations(Generation generation) {
        this.generation = generation;
    }

    @Override
    public Generation active() {
        return generation;
    }

    @Override
    public Optional<Generation> writable() {
        return Optional.of(generation);
    }

    @Override
    public void beginHandover(Generation next) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void cancelHandover() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void activate(Generation generation) {
        throw new UnsupportedOperationException();
    }
}
