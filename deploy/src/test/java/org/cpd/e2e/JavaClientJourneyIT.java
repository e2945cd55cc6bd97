package org.cpd.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.cpd.client.ApiClient;
import org.cpd.client.ApiException;
import org.cpd.client.ApiResponse;
import org.cpd.client.api.EvidenceApi;
import org.cpd.client.api.GoalsApi;
import org.cpd.client.api.PortfoliosApi;
import org.cpd.client.api.SupportersAndMatchingApi;
import org.cpd.client.model.Attachment;
import org.cpd.client.model.Evidence;
import org.cpd.client.model.EvidenceRequest;
import org.cpd.client.model.EvidenceType;
import org.cpd.client.model.Goal;
import org.cpd.client.model.GoalPatch;
import org.cpd.client.model.GoalRequest;
import org.cpd.client.model.PageSupporter;
import org.cpd.client.model.Portfolio;
import org.cpd.client.model.Priority;
import org.cpd.client.model.SetBy;
import org.cpd.client.model.Supporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a portal or mobile team does with the Java client generated from the merged document (module
 * clients): everything through the gateway, with a real Keycloak token of a demo user, with the client's
 * own defaults (java.net.http, which offers h2c and streams multipart bodies chunked).
 */
class JavaClientJourneyIT {

    private static final int MAX_PAGES = 1000;
    private static final Pattern NEXT = Pattern.compile("<([^>]*)>;\\s*rel=\"next\"");
    private static final String LEARNER = Stack.PRACTITIONER_IDS.get("teacher");

    private static ApiClient client;

    @BeforeAll
    static void signIn() {
        String token = Stack.tokenFor("teacher");
        client = new ApiClient();
        // The document's server is the production gateway; a client points it at its environment's.
        client.updateBaseUri(Stack.GATEWAY);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }

    @Test
    void listsSupportersPagingByNextCursorToTheEnd() throws ApiException {
        var supporters = new SupportersAndMatchingApi(client);
        List<UUID> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            PageSupporter page = supporters.searchSupporters(cursor, null, null, null, 50, null, null, null, null, null);
            page.getItems().stream().map(Supporter::getPractitionerId).forEach(seen::add);
            cursor = page.getNextCursor();
            pages++;
        } while (cursor != null && pages < MAX_PAGES);

        assertThat(cursor).as("the last page has a null nextCursor").isNull();
        assertThat(pages).as("the seed has more supporters than one page of 50").isGreaterThan(1);
        assertThat(seen).as("every supporter once").doesNotHaveDuplicates()
                .contains(UUID.fromString(Stack.PRACTITIONER_IDS.get("mentor")));
    }

    @Test
    void createsAGoalUpdatesItWithIfMatchAddsEvidenceWithAnAttachmentAndReadsThePortfolio() throws Exception {
        var goals = new GoalsApi(client);
        String title = "Pupils explain their reasoning (Java client " + UUID.randomUUID() + ")";
        ApiResponse<Goal> created = goals.createGoalWithHttpInfo(new GoalRequest()
                .title(title)
                .pupilAspiration("Every pupil in 8B can explain how they reached an answer")
                .priority(Priority.BOTH)
                .successCriteria("In three observed lessons most pupils justify answers unprompted")
                .targetDate(LocalDate.now().plusMonths(3))
                .setBy(SetBy.SHARED), UUID.randomUUID().toString());
        assertThat(created.getStatusCode()).isEqualTo(201);
        Goal goal = created.getData();
        assertThat(goal.getTitle()).isEqualTo(title);
        assertThat(goal.getOwnerId()).isEqualTo(UUID.fromString(LEARNER));
        assertThat(header(created.getHeaders(), "Location")).startsWith(Stack.GATEWAY + "/api/v1/goals/" + goal.getId());
        String etag = header(created.getHeaders(), "ETag");
        assertThat(etag).isNotBlank();

        ApiResponse<Goal> updated = goals.patchGoalWithHttpInfo(goal.getId(), etag,
                new GoalPatch().stretch("Asking follow-up questions without a script"));
        assertThat(updated.getStatusCode()).isEqualTo(200);
        assertThat(updated.getData().getStretch()).isEqualTo("Asking follow-up questions without a script");
        assertThat(updated.getData().getTitle()).isEqualTo(title);
        assertThat(header(updated.getHeaders(), "ETag")).isNotBlank().isNotEqualTo(etag);
        // The ETag read before the update is stale now: the client sees the 412 as an ApiException.
        assertThatThrownBy(() -> goals.patchGoal(goal.getId(), etag, new GoalPatch().stretch("lost update")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(412));

        var evidenceApi = new EvidenceApi(client);
        Evidence evidence = evidenceApi.createEvidence(new EvidenceRequest()
                .type(EvidenceType.PUPIL_WORK)
                .occurredOn(LocalDate.now())
                .title("8B ratio worksheet, annotated")
                .reflection("Pupils who paired first justified more of their answers")
                .goalIds(List.of(goal.getId())), UUID.randomUUID().toString());
        assertThat(evidence.getGoalIds()).containsExactly(goal.getId());
        File png = pupilWorkPhoto();
        Attachment attachment = evidenceApi.uploadAttachment(evidence.getId(), png);
        assertThat(attachment.getEvidenceId()).isEqualTo(evidence.getId());
        assertThat(attachment.getContentType()).isEqualTo("image/png");
        assertThat(attachment.getSizeBytes()).isEqualTo(png.length());

        Portfolio portfolio = new PortfoliosApi(client).getPortfolio(UUID.fromString(LEARNER));
        assertThat(portfolio.getLearnerId()).isEqualTo(UUID.fromString(LEARNER));
        var inPortfolio = portfolio.getGoals().stream().filter(g -> g.getGoal().getId().equals(goal.getId())).findFirst();
        assertThat(inPortfolio).as("the new goal is in the learner's portfolio").isPresent();
        assertThat(inPortfolio.get().getGoal().getStretch()).isEqualTo("Asking follow-up questions without a script");
        assertThat(inPortfolio.get().getEvidence()).extracting(Evidence::getId).contains(evidence.getId());
    }

    /** Paging by the Link header the gateway relays: every next link stays on the gateway. */
    @Test
    void walkingSupportersByLinkNextStaysOnTheGatewayToTheLastPage() {
        String token = Stack.tokenFor("teacher");
        String url = Stack.GATEWAY + "/api/v1/supporters?limit=50";
        Set<String> seen = new HashSet<>();
        int pages = 0;
        while (url != null && pages < MAX_PAGES) {
            assertThat(url).startsWith(Stack.GATEWAY + "/api/v1/supporters?");
            var response = Stack.gatewayAs(token).urlEncodingEnabled(false).get(URI.create(url));
            assertThat(response.statusCode()).isEqualTo(200);
            List<String> ids = response.jsonPath().getList("items.practitionerId");
            assertThat(seen.addAll(ids)).isTrue();
            String link = response.header("Link");
            Matcher next = link == null ? null : NEXT.matcher(link);
            url = next != null && next.find() ? next.group(1) : null;
            if (url == null) {
                assertThat(response.jsonPath().getString("nextCursor")).as("no next link only on the last page").isNull();
            }
            pages++;
        }
        assertThat(url).isNull();
        assertThat(pages).isGreaterThan(1);
    }

    private static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
    }

    /** A real PNG (the service checks an attachment's bytes against its type). */
    private static File pupilWorkPhoto() throws IOException {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 32; x++) {
            image.setRGB(x, x % 24, 0x3366cc);
        }
        File file = Files.createTempFile("pupil-work-", ".png").toFile();
        file.deleteOnExit();
        ImageIO.write(image, "png", file);
        return file;
    }
}
