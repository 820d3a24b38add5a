package nrw.kinetz.reporting.activity;

/**
 * Where a record sits in {@code ki.activities.v1}. Within one partition the offset is a version
 * (docs/architecture.md#offset-as-version): every record of one site shares a partition (the key is the site id), so offsets order a site's
 * reports and retractions, and a cell — which belongs to one site — is only ever changed by one partition.
 *
 * @param partition the partition
 * @param offset    the offset within it
 */
record Position(int partition, long offset) {

    Position {
        if (partition < 0 || offset < 0) {
            throw new IllegalArgumentException("partition and offset are never negative: " + partition + "@" + offset);
        }
    }

    /**
     * @return whether this record lies before {@code other} in the same partition; records of different
     *         partitions are unordered (that happens only if the topic was re-partitioned), so {@code false}
     */
    boolean precedes(Position other) {
        return partition == other.partition && offset < other.offset;
    }

    /**
     * @return whether a cell whose last applied record is {@code version} still lacks this record: it lies
     *         after the version in the same partition, or the version is of another partition (re-partitioned
     *         topic: the offsets say nothing, and the activity ledger has already filtered duplicates)
     */
    boolean isNewerThan(Position version) {
        return version == null || version.partition != partition || offset > version.offset;
    }

    @Override
    public String toString() {
        return partition + "@" + offset;
    }
}
