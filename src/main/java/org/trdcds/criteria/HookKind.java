package org.trdcds.criteria;

/** Which question the decision answers. */
public enum HookKind {
    /** patient-view: screen the patient. */
    SCREENING,
    /** order-sign / order-select: check draft ketamine and TMS orders. */
    ORDER_CHECK
}
