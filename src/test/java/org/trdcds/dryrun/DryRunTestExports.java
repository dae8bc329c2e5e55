package org.trdcds.dryrun;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small hand-made exports and a way to run the command in process with its console captured. */
final class DryRunTestExports {

    static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    static final String SNOMED = "http://snomed.info/sct";
    static final String LOINC = "http://loinc.org";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

    private DryRunTestExports() {}

    record Result(int exit, String console) {}

    static Result run(String... args) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        int exit = DryRunCommand.run(args, out, out);
        return new Result(exit, console.toString(StandardCharsets.UTF_8));
    }

    static String patient(String id) {
        return "{\"resourceType\":\"Patient\",\"id\":\"" + id
                + "\",\"gender\":\"female\",\"birthDate\":\"1980-01-01\"}";
    }

    static String condition(String id, String patient, String system, String code, String display) {
        return "{\"resourceType\":\"Condition\",\"id\":\"" + id + "\",\"subject\":{\"reference\":\"Patient/" + patient
                + "\"},\"clinicalStatus\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/"
                + "condition-clinical\",\"code\":\"active\"}]},\"code\":{\"coding\":[{\"system\":\"" + system
                + "\",\"code\":\"" + code + "\",\"display\":\"" + display + "\"}]},\"onsetDateTime\":\"2024-01-01\"}";
    }

    static String observation(String id, String patient, String system, String code, String display, int value) {
        return "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"final\",\"subject\":{\"reference\""
                + ":\"Patient/" + patient + "\"},\"code\":{\"coding\":[{\"system\":\"" + system + "\",\"code\":\""
                + code
                + "\",\"display\":\"" + display + "\"}]},\"effectiveDateTime\":\"2026-01-01T00:00:00Z\","
                + "\"valueQuantity\":{\"value\":" + value + "}}";
    }

    static String medicationRequest(String id, String patient, String code, String display) {
        return "{\"resourceType\":\"MedicationRequest\",\"id\":\"" + id
                + "\",\"status\":\"active\",\"intent\":\"order\","
                + "\"subject\":{\"reference\":\"Patient/" + patient + "\"},\"medicationCodeableConcept\":{\"coding\":[{"
                + "\"system\":\"" + RXNORM + "\",\"code\":\"" + code + "\",\"display\":\"" + display + "\"}]},"
                + "\"authoredOn\":\"2026-01-01\"}";
    }

    static void write(Path dir, String file, List<String> lines) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(file), String.join("\n", lines) + "\n");
    }
}
