package nrw.kinetz.reporting.feed;

import nrw.kinetz.infra.lease.Lease;

/** A lease a test holds or loses at will. */
public final class SwitchableLease implements Lease {

    public boolean held = true;

    @Override
    public boolean acquire() {
        return held;
    }

    @Override
    public boolean held() {
        return held;
    }

    @Override
    public void release() {
        held = false;
    }
}
