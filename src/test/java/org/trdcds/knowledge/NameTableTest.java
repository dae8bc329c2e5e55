package org.trdcds.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whole words, any case, the longer of overlapping names: the name matching of PROTOCOL-v3 section A. */
class NameTableTest {

    static final String RX = "http://www.nlm.nih.gov/research/umls/rxnorm";

    static final NameTable TABLE = new NameTable(List.of(
            new NameTable.Name(RX, "6130", "ketamine", "ketamine"),
            new NameTable.Name(RX, "6130", "ketamine", "Ketalar"),
            new NameTable.Name(RX, "2119365", "esketamine", "esketamine"),
            new NameTable.Name(RX, "2119365", "esketamine", "Spravato"),
            new NameTable.Name(RX, "6448", "lithium", "lithium"),
            new NameTable.Name(RX, "6448", "lithium", "Lithobid"),
            new NameTable.Name(RX, "4493", "fluoxetine", "fluoxetine"),
            new NameTable.Name(RX, "61381", "olanzapine", "olanzapine"),
            new NameTable.Name(RX, "403969", "olanzapine / fluoxetine", "olanzapine / fluoxetine")));

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            value = {
                "ketamine                                      | 6130",
                "KETAMINE HYDROCHLORIDE 50 MG/ML               | 6130",
                "Ketalar 10 mL vial                            | 6130",
                "ketamine hydrochloride 50 MG/ML Injectable Solution | 6130",
                "esketamine 28 MG nasal spray                  | 2119365",
                "Spravato (esketamine)                         | 2119365",
                "SPRAVATO                                      | 2119365",
                "esketamine, not ketamine                      | 2119365 6130",
                "ketamine/midazolam                            | 6130",
                "lithium carbonate 300 mg                      | 6448",
                "Lithobid ER                                   | 6448",
                "olanzapine / fluoxetine 6/25                  | 403969",
                "olanzapine and fluoxetine                     | 61381 4493",
                "ketamines                                     | -",
                "preketamine                                   | -",
                "xketamine                                     | -",
                "lithiumlike                                   | -",
                "ondansetron 4 mg                              | -",
                "''                                            | -",
            })
    void findsWholeWordsAnyCaseLongerNameWins(String text, String expected) {
        List<String> codes =
                TABLE.find(text).stream().map(m -> m.name().code()).distinct().toList();
        assertThat(codes).isEqualTo(expected == null ? List.of() : List.of(expected.split(" ")));
    }

    @ParameterizedTest
    @CsvSource({
        "intravenous route,true",
        "IV,true",
        "Intravenous,true",
        "intramuscular route,false",
        "47625008,true",
        "nasal,false"
    })
    void routeNamesAreNamesToo(String route, boolean intravenous) {
        NameTable iv = new NameTable(List.of(
                new NameTable.Name(null, "intravenous", "intravenous", "intravenous"),
                new NameTable.Name(null, "intravenous", "intravenous", "IV"),
                new NameTable.Name(null, "intravenous", "intravenous", "47625008")));
        assertThat(iv.matches(route)).isEqualTo(intravenous);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"''|0", "   |0", "--|0", "a1 b2|0"})
    void aNameWithoutWordsOrATextWithoutANameMatchesNothing(String name, int size) {
        NameTable table = new NameTable(List.of(new NameTable.Name(RX, "1", "x", name)));
        assertThat(table.size()).isEqualTo(name == null || name.isBlank() || name.equals("--") ? 0 : 1);
        assertThat(table.find("anything at all")).hasSize(size);
        assertThat(NameTable.EMPTY.find(null)).isEmpty();
    }
}
