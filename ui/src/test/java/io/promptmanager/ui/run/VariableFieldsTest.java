package io.promptmanager.ui.run;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class VariableFieldsTest {

    @Test
    void readsNumbersAsPeopleTypeThemIntoExactDecimals() {
        assertThat(VariableFields.parseNumber("3.5")).contains(new BigDecimal("3.5"));
        assertThat(VariableFields.parseNumber(" 3,5 ")).contains(new BigDecimal("3.5"));
        assertThat(VariableFields.parseNumber("0.1")).contains(new BigDecimal("0.1"));
        assertThat(VariableFields.parseNumber("-2e3")).contains(new BigDecimal("-2e3"));
        assertThat(VariableFields.parseNumber("1 000")).contains(new BigDecimal("1000"));
    }

    @Test
    void refusesWhatIsNotANumber() {
        assertThat(VariableFields.parseNumber("twelve")).isEmpty();
        assertThat(VariableFields.parseNumber("1,000.5,2")).isEmpty();
        assertThat(VariableFields.parseNumber("")).isEmpty();
    }
}
