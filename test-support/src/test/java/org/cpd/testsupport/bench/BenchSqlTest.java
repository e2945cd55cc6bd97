package org.cpd.testsupport.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchSqlTest {

    @Test
    void quotedAndBareVariablesAreReplacedAndCastsKept() {
        String sql = BenchSql.render("select md5('p' || i)::uuid, cast(:'partnership' as uuid) from generate_series(1, :rows) i",
                Map.of("partnership", "00000000-0000-4000-8000-0000000be001", "rows", 20));
        assertThat(sql).isEqualTo(
                "select md5('p' || i)::uuid, cast('00000000-0000-4000-8000-0000000be001' as uuid) from generate_series(1, 20) i");
    }

    @Test
    void aQuotedValueIsEscaped() {
        assertThat(BenchSql.render("select :'name'", Map.of("name", "O'Neil"))).isEqualTo("select 'O''Neil'");
    }

    @Test
    void aVariableWithoutAValueIsAnError() {
        assertThatThrownBy(() -> BenchSql.render("select :rows", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":rows");
    }
}
