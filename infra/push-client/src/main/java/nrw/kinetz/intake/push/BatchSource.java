package nrw.kinetz.intake.push;

import java.io.Closeable;
import java.io.IOException;

/** Reads a file of any size as a sequence of batches, never more than one batch in memory. */
interface BatchSource extends Closeable {

    /** @return the next batch, or {@code null} after the last one */
    Batch next() throws IOException;

    /** @return the file's size in bytes, for the progress bar */
    long size();
}
