package org.trdcds.knowledge;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one loader of the knowledge: reads the files once ({@link KnowledgeFiles}), parses fhir-profiles/ with HAPI and
 * cds-cards/ with Jackson, validates and compiles everything, and fails fast with the file and element named when
 * one is wrong.
 */
public final class KnowledgeLoader {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeLoader.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private KnowledgeLoader() {}

    public static LoadedKnowledge load(KnowledgeFiles files, FhirContext fhirContext) {
        if (fhirContext.getVersion().getVersion() != FhirVersionEnum.R4) {
            throw new KnowledgeLoadException("the knowledge files are FHIR R4; got a "
                    + fhirContext.getVersion().getVersion() + " FhirContext");
        }
        long start = System.nanoTime();
        IParser parser = fhirContext.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
        ParsedResources parsed = new ParsedResources(files.origin());
        for (String folder : new String[] {"vocabulary/", "knowledge/"}) {
            files.under(KnowledgeFiles.ROOT + "/" + folder)
                    .forEach((path, json) -> parsed.add(path, fhir(parser, path, json)));
        }
        Map<String, String> phrases = SharedPhrases.read(json(files.in(SharedPhrases.FOLDER)));
        String identifiedByName = phrases.get(CardTemplateReader.IDENTIFIED_BY_NAME);
        List<CardTemplate> templates = new ArrayList<>();
        json(files.in(KnowledgeFiles.CARDS + "/"))
                .forEach((path, json) -> templates.add(CardTemplateReader.read(
                        json,
                        path.substring(path.lastIndexOf('/') + 1),
                        identifiedByName == null || identifiedByName.isBlank() ? null : identifiedByName)));
        CardTemplates cards = new CardTemplates(templates);
        FileKnowledge knowledge = new FileKnowledge(parsed, cards.modalities(), phrases);
        Map<String, JsonNode> documents = new TreeMap<>();
        for (String folder :
                new String[] {KnowledgeDocuments.VALUE_SETS, KnowledgeDocuments.TABLES, KnowledgeDocuments.PROTOCOL}) {
            documents.putAll(json(files.in(folder)));
        }
        log.info(
                "Knowledge {} loaded from {} in {} ms: {}, {} card templates",
                knowledge.version(),
                files.origin(),
                (System.nanoTime() - start) / 1_000_000,
                knowledge.summary(),
                cards.topics().size());
        return new LoadedKnowledge(knowledge, cards, new KnowledgeDocuments(files.folder(), documents));
    }

    private static IBaseResource fhir(IParser parser, String path, String json) {
        try {
            return parser.parseResource(json);
        } catch (DataFormatException e) {
            throw new KnowledgeLoadException(path + " is not a FHIR R4 resource: " + e.getMessage());
        }
    }

    private static Map<String, JsonNode> json(Map<String, String> files) {
        Map<String, JsonNode> parsed = new TreeMap<>();
        files.forEach((path, text) -> {
            try {
                parsed.put(path, JSON.readTree(text));
            } catch (JsonProcessingException e) {
                throw new KnowledgeLoadException(path + " is not JSON: " + e.getOriginalMessage());
            }
        });
        return parsed;
    }
}
