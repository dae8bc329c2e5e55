package org.trdcds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trdcds.knowledge.Knowledge.Product;

/**
 * PROTOCOL-v3 A.2: the product map holds the products of Schedule IV Benzodiazepines, Opioids All, MOUD and
 * Potentially Harmful Antipsychotics for Older Adults, each with its ingredient and the strength of its display;
 * packs and per-hour products have no strength; no ketamine, esketamine or lithium product.
 */
class ProductMapV3Test {

    static final Path VSAC = Path.of(KnowledgeFiles.ROOT, "vocabulary", "vsac");

    @ParameterizedTest(name = "{0} -> {2} {3} mg per {4}")
    @CsvSource({
        "197901, 6470, lorazepam, 1, tablet",
        "308048, 596, alprazolam, 0.5, tablet",
        "349198, 2598, clonazepam, 0.5, tablet",
        "311700, 6960, midazolam, 1, mL",
        "1049621, 7804, oxycodone, 5, tablet",
        "1049221, 7804, oxycodone, 5, tablet",
        "991147, 6813, methadone, 10, mL",
        "1307061, 1819, buprenorphine, 12, film",
        "637213, 7243, naltrexone, 380, injection",
        "312744, 51272, quetiapine, 25, tablet",
        "402131, 89013, aripiprazole, 5, tablet",
    })
    void aProductMapsToItsIngredientAndTheStrengthOfItsDisplay(
            String code, String ingredient, String name, double mg, String unit) {
        assertThat(ProjectKnowledge.get().product(code)).contains(new Product(code, ingredient, name, mg, unit));
    }

    @ParameterizedTest(name = "{0} ({2}) -> {1}, strength unknown")
    @CsvSource({
        "1740007, 4337, pack of fentanyl mucosal spray",
        "1741746, 1667655, cariprazine starter pack",
        "245134, 4337, 72 HR fentanyl 0.025 MG/HR Transdermal System",
        "904870, 1819, 168 HR buprenorphine 0.01 MG/HR Transdermal System",
    })
    void packsAndPerHourProductsHaveNoStrength(String code, String ingredient, String what) {
        assertThat(ProjectKnowledge.get().product(code)).hasValueSatisfying(p -> {
            assertThat(p.ingredient()).isEqualTo(ingredient);
            assertThat(p.strengthMg()).as(what).isNull();
        });
    }

    @Test
    void productsWhoseIngredientIsNotInTheDataAreLeftOut() {
        assertThat(ProjectKnowledge.get().product("310672"))
                .as("haloperidol: no ingredient code in the data")
                .isEmpty();
        assertThat(ProjectKnowledge.get().product("197653"))
                .as("estazolam: no ingredient code in the data")
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2.16.840.1.113762.1.4.1125.1, 85",
        "2.16.840.1.113762.1.4.1196.226, 380",
        "2.16.840.1.113762.1.4.1046.269, 30",
        "2.16.840.1.113883.3.464.1003.196.12.1523, 90",
    })
    void mostProductsOfEachV3ExpansionAreMapped(String oid, int atLeast) throws IOException {
        Set<String> mapped = new HashSet<>();
        for (String code : products(oid)) {
            ProjectKnowledge.get().product(code).ifPresent(p -> mapped.add(code));
        }
        assertThat(mapped).hasSizeGreaterThanOrEqualTo(atLeast);
    }

    @Test
    void noKetamineEsketamineOrLithiumProductIsMapped() throws IOException {
        for (String oid : new String[] {
            "2.16.840.1.113762.1.4.1125.1",
            "2.16.840.1.113762.1.4.1196.226",
            "2.16.840.1.113762.1.4.1046.269",
            "2.16.840.1.113883.3.464.1003.196.12.1523"
        }) {
            for (String code : products(oid)) {
                ProjectKnowledge.get()
                        .product(code)
                        .ifPresent(p -> assertThat(p.ingredient()).as(code).isNotIn("6130", "2119365", "6448"));
            }
        }
    }

    private static Set<String> products(String oid) throws IOException {
        ValueSet copy = ProjectKnowledge.fhirContext()
                .newJsonParser()
                .parseResource(ValueSet.class, Files.readString(VSAC.resolve("valueset-" + oid + ".json")));
        Set<String> codes = new HashSet<>();
        copy.getExpansion().getContains().forEach(c -> codes.add(c.getCode()));
        assertThat(codes).isNotEmpty();
        return codes;
    }
}
