package org.foiflow.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.foiflow.cluster.EmbeddedPostgresDatabase;
import org.foiflow.documents.DocumentCalls;
import org.foiflow.documents.SampleFiles;
import org.foiflow.process.FoiCase;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every scenario of {@link CaseSearchApiTest} on a real PostgreSQL with the postgres profile: the search there runs
 * on PostgreSQL's full-text index (db/vendor/postgresql), not LIKE.
 */
// Not inherited: the postgres profile must come first, or it would switch on the job executor (see application-test.yaml).
@ActiveProfiles(value = {"postgres", "test", "demo"}, inheritProfiles = false)
@Import(EmbeddedPostgresDatabase.class)
class CaseSearchApiOnPostgresTest extends CaseSearchApiTest {

  @Test
  void theSearchHasPostgresFullTextIndex() {
    assertThat(jdbc.queryForObject("SELECT indexdef FROM pg_indexes WHERE indexname = 'foi_case_search_words'",
        String.class)).contains("gin", "to_tsvector('simple'", "search_text");
  }

  /**
   * A word of one character is matched whole on PostgreSQL: as a prefix ("2:*") it matched the years and reference
   * numbers of nearly every case, and the full-text index then read them all (3.5 s at 150 000 cases, issue 21).
   */
  @Test
  void aOneCharacterWordIsMatchedWholeNotAsThePrefixOfYearsAndNumbers() throws Exception {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    String word = aWord();
    FoiCase second = FoiCase.logged(engine, request(word + " 2 Asker", today, "Anything"));
    FoiCase other = FoiCase.logged(engine, request(word + " Asker", today, "The figures for 2024 and 2025, please."));

    assertThat(references(search("olivia", "q=" + encode(word + " asker 2")))).containsExactly(second.reference());
    assertThat(references(search("olivia", "q=" + encode(word + " asker")))).containsExactlyInAnyOrder(
        second.reference(), other.reference());
  }

  @Test
  void theDisclosureLogsSearchHasATrigramIndex() {
    assertThat(jdbc.queryForObject("SELECT indexdef FROM pg_indexes WHERE indexname = 'foi_disclosure_log_words'",
        String.class)).contains("gin", "gin_trgm_ops", "request_text", "response_text");
  }

  /** The case documents' tables (V5, bytea here) in the same PostgreSQL context: stored, read back, redacted, removed. */
  @Test
  void aCasesDocumentsAreKeptInPostgres() throws Exception {
    FoiCase foi = FoiCase.logged(engine, FoiCase.aRequest("Doc Postgres", LocalDate.now(ZoneId.of("Europe/London"))))
        .validAndHeld();
    DocumentCalls calls = new DocumentCalls(port, engine.getName());
    byte[] pdf = SampleFiles.pdf(List.of(List.of("Minutes", "Written by Jane Smith")));
    String id = calls.added(foi.reference(), "minutes.pdf", pdf);
    assertThat(calls.download(FoiCase.OFFICER, "/api/requests/" + foi.reference() + "/documents/" + id + "/original").body())
        .isEqualTo(pdf);
    assertThat(calls.doors().foiflow(FoiCase.OFFICER, "POST", "/api/requests/" + foi.reference() + "/documents/" + id
        + "/redactions", "{\"text\":\"Jane Smith\",\"exemption\":\"s40(2)\"}").status()).isEqualTo(201);
    assertThat(calls.upload(FoiCase.OFFICER, foi.reference(), "again.pdf", pdf).status()).as("the same file twice").isEqualTo(409);
    assertThat(jdbc.queryForObject("SELECT data_type FROM information_schema.columns WHERE table_name = 'foi_document'"
        + " AND column_name = 'original'", String.class)).isEqualTo("bytea");
    assertThat(calls.documents(foi.reference()).path("items").get(0).path("redactions").get(0).path("count").asInt())
        .isEqualTo(1);
    assertThat(calls.doors().foiflow(FoiCase.OFFICER, "DELETE", "/api/requests/" + foi.reference() + "/documents/" + id,
        null).status()).isEqualTo(204);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM foi_document_redaction", Integer.class)).isZero();
  }
}
