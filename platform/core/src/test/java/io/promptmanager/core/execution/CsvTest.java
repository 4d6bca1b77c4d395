package io.promptmanager.core.execution;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

    @Test
    void quotesFieldsWithSeparatorsQuotesOrLineBreaksAndEndsRowsWithCrLf() {
        String csv = new Csv()
                .row(List.of("plain", "with,comma", "with \"quote\"", "two\nlines", "carriage\rreturn"))
                .row(Arrays.asList(null, 3, "")).toString();

        assertThat(csv).isEqualTo("plain,\"with,comma\",\"with \"\"quote\"\"\",\"two\nlines\",\"carriage\rreturn\"\r\n"
                + ",3,\r\n");
    }

    @Test
    void keepsSpreadsheetsFromEvaluatingTextAsAFormula() {
        assertThat(Csv.field("=1+1")).isEqualTo("'=1+1");
        assertThat(Csv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.field("+cmd")).isEqualTo("'+cmd");
        assertThat(Csv.field("-x,y")).isEqualTo("\"'-x,y\"");
        assertThat(Csv.field(-5)).isEqualTo("-5");
    }
}
