package org.cpd.testsupport.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table must cover the document exactly: these are the checks that make a new operation fail the build. */
class AuthorizationMatrixTableTest {

    static final String DOCUMENT = """
            openapi: 3.1.0
            paths:
              /api/v1/things:
                get:
                  operationId: listThings
                post:
                  operationId: createThing
              /api/v1/things/{id}:
                parameters:
                - name: id
                  in: path
                get:
                  operationId: getThing
            """;

    static final Set<String> CALLERS = Set.of("anonymous", "owner");

    @TempDir
    Path dir;

    AuthorizationMatrix load(String rows) throws IOException {
        Path document = dir.resolve("service.yaml");
        Files.writeString(document, DOCUMENT);
        return AuthorizationMatrix.load(document, "table.csv", "# a comment\noperationId,caller,expected\n" + rows);
    }

    static final String COMPLETE = """
            listThings,anonymous,401
            listThings,owner,200
            createThing,anonymous,401
            createThing,owner,201
            getThing,anonymous,401
            getThing,owner,200|404
            """;

    @Test
    void readsEveryOperationOfTheDocumentWithItsMethodAndPath() throws IOException {
        AuthorizationMatrix matrix = load(COMPLETE);
        assertThat(matrix.operations()).containsExactly(
                new Operation("listThings", "GET", "/api/v1/things"),
                new Operation("createThing", "POST", "/api/v1/things"),
                new Operation("getThing", "GET", "/api/v1/things/{id}"));
        assertThat(new Operation("getThing", "GET", "/api/v1/things/{id}/parts/{part}").pathParameters()).containsExactly("id", "part");
        matrix.assertComplete(CALLERS, Set.of("getThing/owner"));
    }

    @Test
    void anOperationWithoutARowForEveryCallerFails() throws IOException {
        AuthorizationMatrix matrix = load(COMPLETE.replace("createThing,owner,201\n", ""));
        assertThatThrownBy(() -> matrix.assertComplete(CALLERS, Set.of()))
                .hasMessageContaining("no row for createThing (POST /api/v1/things) and caller owner");
    }

    @Test
    void aRowNamingAnUnknownOperationFails() {
        assertThatThrownBy(() -> load(COMPLETE + "deleteThing,owner,204\n"))
                .hasMessageContaining("table.csv:9: no operation 'deleteThing'");
    }

    @Test
    void aRowNamingAnUnknownCallerOrTwiceTheSameCellFails() throws IOException {
        AuthorizationMatrix matrix = load(COMPLETE + "getThing,stranger,404\ngetThing,owner,200\n");
        assertThatThrownBy(() -> matrix.assertComplete(CALLERS, Set.of()))
                .hasMessageContaining("unknown caller 'stranger'")
                .hasMessageContaining("more than one row for getThing/owner");
    }

    @Test
    void aKnownGapMustNameARow() throws IOException {
        AuthorizationMatrix matrix = load(COMPLETE);
        assertThatThrownBy(() -> matrix.assertComplete(CALLERS, Set.of("getThing/stranger")))
                .hasMessageContaining("known gap 'getThing/stranger' names no row");
    }

    @Test
    void expectationsAreStatusesClassesOrAlternatives() {
        assertThat(Expected.parse("2xx").matches(204)).isTrue();
        assertThat(Expected.parse("2xx").matches(404)).isFalse();
        assertThat(Expected.parse("403|404").matches(404)).isTrue();
        assertThat(Expected.parse("403|404").isRefusal()).isTrue();
        assertThat(Expected.parse("200|404").isRefusal()).isFalse();
        assertThatThrownBy(() -> load(COMPLETE.replace("201", "created"))).hasMessageContaining("Not a status");
    }
}
