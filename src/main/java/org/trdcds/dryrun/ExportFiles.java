package org.trdcds.dryrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of a FHIR Bulk Data $export in one folder: {@code <Type>.ndjson}, {@code <Type>.<n>.ndjson} or any
 * {@code <Type>.<part>.ndjson}, each optionally {@code .gz}. The types the decision reads come first, Patient first;
 * files of other types are listed as ignored.
 */
record ExportFiles(List<ExportFile> read, List<String> ignored) {

    /** Medication has no patient: its codes count for coverage, its lines are not joined to patients (see docs). */
    static final List<String> TYPES = List.of(
            "Patient",
            "Condition",
            "MedicationStatement",
            "MedicationRequest",
            "MedicationAdministration",
            "Procedure",
            "Observation",
            "Medication");

    static final Set<String> PATIENT_TYPES = Set.of(
            "Patient",
            "Condition",
            "MedicationStatement",
            "MedicationRequest",
            "MedicationAdministration",
            "Procedure",
            "Observation");
    private static final Pattern NAME = Pattern.compile("([A-Z][A-Za-z]+)(\\.[^/]*)?\\.ndjson(\\.gz)?");

    record ExportFile(Path path, String type, boolean gzip, long size) {
        String name() {
            return path.getFileName().toString();
        }
    }

    static ExportFiles in(Path dir) throws IOException {
        List<ExportFile> read = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Matcher name = NAME.matcher(file.getFileName().toString());
                if (name.matches() && TYPES.contains(name.group(1))) {
                    read.add(new ExportFile(file, name.group(1), name.group(3) != null, Files.size(file)));
                } else {
                    ignored.add(file.getFileName().toString());
                }
            }
        }
        read.sort(Comparator.comparingInt((ExportFile f) -> TYPES.indexOf(f.type()))
                .thenComparing(ExportFile::name));
        return new ExportFiles(List.copyOf(read), List.copyOf(ignored));
    }

    /** The bytes the export holds once decompressed, estimated (gzip ~8x for FHIR NDJSON). */
    long estimatedBytes() {
        return read.stream().mapToLong(f -> f.gzip() ? f.size() * 8 : f.size()).sum();
    }
}
