package org.trdcds.criteria;

import java.time.Instant;
import java.util.List;

/**
 * A Procedure (e.g. a TMS course), reduced to what the criteria read.
 *
 * @param ref    "Procedure/{id}"
 * @param codes  codings of Procedure.code
 * @param status preparation, in-progress, completed, stopped, ...
 * @param start  performedPeriod.start or performedDateTime
 * @param end    performedPeriod.end, or performedDateTime for a completed single session; null when open
 * @param outcomes    codings of Procedure.outcome (e.g. a suicide risk level), empty when none
 * @param outcomeText Procedure.outcome.text, else its first display; null when none
 */
public record ProcedureFact(
        String ref,
        List<Code> codes,
        String status,
        Instant start,
        Instant end,
        List<Code> outcomes,
        String outcomeText) {

    public ProcedureFact(String ref, List<Code> codes, String status, Instant start, Instant end) {
        this(ref, codes, status, start, end, List.of(), null);
    }
}
