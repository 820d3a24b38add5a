package nrw.kinetz.reporting.activity;

/**
 * One generation of the activities read model: its own collections and its own consumer group. A rebuild
 * fills the next generation from the topic and then switches a pointer to it (docs/architecture.md#rebuild: no
 * collection renames, which the embedded store's H2 backend does not keep across restarts).
 *
 * @param number 1, 2, …
 */
record Generation(int number) {

    Generation {
        if (number < 1) {
            throw new IllegalArgumentException("generations count from 1, was " + number);
        }
    }

    Generation next() {
        return new Generation(number + 1);
    }

    /** @return e.g. {@code g2}, the suffix of the generation's collection names and consumer group */
    String suffix() {
        return "g" + number;
    }

    @Override
    public String toString() {
        return suffix();
    }
}
