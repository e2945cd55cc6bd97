package org.cpd.commons.testapp;

import org.cpd.commons.web.paging.PageResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;
import org.cpd.commons.events.outbox.Outbox;
import org.cpd.commons.persistence.Criteria;
import org.cpd.commons.persistence.Paging;
import org.cpd.commons.security.Roles;
import org.cpd.commons.web.ETags;
import org.cpd.commons.web.Problems;
import org.cpd.commons.web.idempotency.Idempotency;
import org.cpd.commons.web.paging.PageRequest;

/** A minimal resource that uses every convention, so commons is tested as services use it. */
@Path("/api/v1/notes")
@RolesAllowed(Roles.PRACTITIONER)
public class NoteResource {

    public record NoteInput(@NotBlank String title, @NotNull @Min(0) @Max(10) Integer priority, @NotNull Note.Colour colour,
            java.util.List<@Valid TagInput> tags, Boolean pinned, java.time.Instant remindAt, java.time.LocalDate due,
            java.util.List<UUID> watchers) {
    }

    public record TagInput(@NotBlank String name) {
    }

    public record NoteView(UUID id, String title, int priority, Note.Colour colour, long version) {
        static NoteView of(Note n) {
            return new NoteView(n.id, n.title, n.priority, n.colour, n.version);
        }
    }

    @Inject
    Idempotency idempotency;

    @Inject
    Outbox outbox;

    @Context
    UriInfo uriInfo;

    @POST
    public Response create(@Valid @NotNull NoteInput input, @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.create("notes.create", key, input, () -> {
            Note note = new Note();
            note.title = input.title();
            note.priority = input.priority();
            note.colour = input.colour();
            note.persistAndFlush();
            outbox.publishType("note", note.id, "cpd.test.note-created.v1", NoteView.of(note));
            return Response.created(URI.create("/api/v1/notes/" + note.id)).entity(NoteView.of(note)).tag(ETags.of(note).replace("\"", "")).build();
        });
    }

    @GET
    public Response list(@BeanParam PageRequest page, @QueryParam("colour") Note.Colour colour, @QueryParam("title") String title) {
        Criteria criteria = Criteria.where().and("colour = :colour", "colour", colour).and("title = :title", "title", title);
        return PageResponses.ok(uriInfo, Paging.page(page, criteria, Note.class), NoteView::of);
    }

    @GET
    @Path("titled/{title}")
    public java.util.List<NoteView> titled(@PathParam("title") String title) {
        return Note.<Note>list("title", title).stream().map(NoteView::of).toList();
    }

    /** Stores nothing: tells what the multipart reader made of the upload. */
    @POST
    @Path("uploads")
    @jakarta.ws.rs.Consumes(jakarta.ws.rs.core.MediaType.MULTIPART_FORM_DATA)
    public java.util.Map<String, Object> upload(@org.jboss.resteasy.reactive.RestForm("file") org.jboss.resteasy.reactive.multipart.FileUpload file) {
        if (file == null) {
            throw Problems.invalidField("file", "is required");
        }
        return java.util.Map.of("fileName", file.fileName(), "size", file.size());
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") UUID id) {
        Note note = Note.<Note>findByIdOptional(id).orElseThrow(() -> Problems.notFound("note", id));
        return Response.ok(NoteView.of(note)).header("ETag", ETags.of(note)).build();
    }

    @PUT
    @Path("{id}")
    @Transactional
    public Response update(@PathParam("id") UUID id, @Valid @NotNull NoteInput input, @HeaderParam("If-Match") String ifMatch) {
        Note note = Note.<Note>findByIdOptional(id).orElseThrow(() -> Problems.notFound("note", id));
        ETags.requireMatch(ifMatch, note);
        note.title = input.title();
        note.priority = input.priority();
        note.colour = input.colour();
        note.persistAndFlush();
        outbox.publishType("note", note.id, "cpd.test.note-updated.v1", NoteView.of(note));
        return Response.ok(NoteView.of(note)).header("ETag", ETags.of(note)).build();
    }
}
