package org.trdcds.hooks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.trdcds.criteria.HookKind;

/** The hooks this service answers, with the context fields each requires (HL7 hook library STU1). */
public enum Hook {
    PATIENT_VIEW("patient-view", HookKind.SCREENING, List.of("userId", "patientId")),
    ORDER_SIGN("order-sign", HookKind.ORDER_CHECK, List.of("userId", "patientId", "draftOrders")),
    ORDER_SELECT("order-select", HookKind.ORDER_CHECK, List.of("userId", "patientId", "selections", "draftOrders"));

    private final String id;
    private final HookKind kind;
    private final List<String> requiredContext;

    Hook(String id, HookKind kind, List<String> requiredContext) {
        this.id = id;
        this.kind = kind;
        this.requiredContext = requiredContext;
    }

    public static Optional<Hook> of(String id) {
        return Arrays.stream(values()).filter(hook -> hook.id.equals(id)).findFirst();
    }

    public String id() {
        return id;
    }

    public HookKind kind() {
        return kind;
    }

    public List<String> requiredContext() {
        return requiredContext;
    }
}
