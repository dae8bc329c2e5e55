package org.trdcds.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import org.trdcds.TrdCdsHooksApplication;
import org.trdcds.knowledge.KnowledgeLoadException;

/**
 * Governance's edited knowledge that the service refuses: the real application does not start, and Spring Boot's
 * failure report names the file and the problem in its first lines, not at the end of a chain of bean errors.
 */
@ExtendWith(OutputCaptureExtension.class)
class KnowledgeFailureAnalyzerTest {

    @Test
    void theAnalysisIsTheKnowledgeProblemAndWhatToDo() {
        KnowledgeLoadException problem = new KnowledgeLoadException("x.json: blocks must be \"ketamine\"");
        FailureAnalysis analysis =
                new KnowledgeFailureAnalyzer().analyze(new IllegalStateException("bean", problem), problem);

        assertThat(analysis.getDescription())
                .isEqualTo("The knowledge was refused: x.json: blocks must be \"ketamine\"");
        assertThat(analysis.getAction()).contains("cds.knowledge.dir", "docs/knowledge.md");
    }

    @Test
    void aRowDroppedFromTheRulesFileStopsTheStartWithOneClearReason(@TempDir Path dir, CapturedOutput output)
            throws IOException {
        FileSystemUtils.copyRecursively(Path.of("fhir-profiles"), dir.resolve("fhir-profiles"));
        FileSystemUtils.copyRecursively(Path.of("cds-cards"), dir.resolve("cds-cards"));
        Path rules = dir.resolve("fhir-profiles/knowledge/Parameters-safety-rules.json");
        Files.write(
                rules,
                Files.readAllLines(rules).stream()
                        .filter(line -> !line.contains("\"contraindication-pregnancy\""))
                        .toList());

        Throwable thrown = catchThrowable(() -> {
            try (ConfigurableApplicationContext started = new SpringApplicationBuilder(TrdCdsHooksApplication.class)
                    .properties(
                            "server.port=0",
                            "cds.warm-up.rounds=0",
                            "spring.datasource.url=jdbc:h2:mem:knowledge-refused;DB_CLOSE_DELAY=-1",
                            "cds.knowledge.dir=" + dir)
                    .run()) {
                started.isActive();
            }
        });

        assertThat(thrown).isNotNull();
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("The knowledge was refused: card templates [contraindication-pregnancy] are issued by no"
                        + " rule: add each one's row to Parameters-safety-rules.json, or remove its template to retire"
                        + " it")
                .contains(KnowledgeFailureAnalyzer.ACTION);
    }
}
