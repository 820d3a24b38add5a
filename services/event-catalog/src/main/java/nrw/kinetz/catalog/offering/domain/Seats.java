package nrw.kinetz.catalog.offering.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Who holds the seats of an offering and who waits for one, in order. Never more holders than the capacity;
 * whenever a seat is free and someone waits, the first in line gets it.
 *
 * @param holders  registrations holding a seat
 * @param waitlist registrations waiting, first in line first
 */
public record Seats(int capacity, List<String> holders, List<String> waitlist) {

    public Seats {
        holders = List.copyOf(holders);
        waitlist = List.copyOf(waitlist);
    }

    public int free() {
        return Math.max(0, capacity - holders.size());
    }

    /** @return the 1-based place of {@code registrationId} on the waiting list, 0 if it does not wait */
    public int positionOf(String registrationId) {
        return waitlist.indexOf(registrationId) + 1;
    }

    /**
     * Gives up the seat or the place in line of {@code registrationId} and promotes whoever the freed seat
     * goes to.
     */
    public Change release(String registrationId) {
        boolean held = holders.contains(registrationId);
        boolean waited = waitlist.contains(registrationId);
        if (!held && !waited) {
            return new Change(this, false, List.of());
        }
        List<String> newHolders = new ArrayList<>(holders);
        List<String> newWaitlist = new ArrayList<>(waitlist);
        newHolders.remove(registrationId);
        newWaitlist.remove(registrationId);
        return promote(capacity, newHolders, newWaitlist, true);
    }

    /**
     * The same seats with another capacity; a larger one promotes from the waiting list.
     *
     * @throws IllegalTransition if fewer seats than confirmed registrations are asked for
     */
    public Change resize(int newCapacity) {
        if (newCapacity < holders.size()) {
            throw new IllegalTransition("The capacity cannot be lowered to " + newCapacity + ": " + holders.size()
                    + " registrations are confirmed. Cancel registrations first or keep at least " + holders.size() + " seats.");
        }
        return promote(newCapacity, new ArrayList<>(holders), new ArrayList<>(waitlist), false);
    }

    private static Change promote(int capacity, List<String> holders, List<String> waitlist, boolean released) {
        List<String> promoted = new ArrayList<>();
        while (holders.size() < capacity && !waitlist.isEmpty()) {
            String first = waitlist.remove(0);
            holders.add(first);
            promoted.add(first);
        }
        return new Change(new Seats(capacity, holders, waitlist), released, promoted);
    }

    /**
     * @param seats    the seats afterwards
     * @param released whether the registration given up held a seat or a place in line
     * @param promoted registrations that moved from the waiting list to a seat, in order
     */
    public record Change(Seats seats, boolean released, List<String> promoted) {

        public Change {
            promoted = List.copyOf(promoted);
        }
    }
}
