package io.sello.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.sello.document.DocumentType;
import io.sello.document.DocumentTypes;
import io.sello.document.InputError;
import io.sello.document.InvalidInputException;
import io.sello.draft.DraftNotFoundException;
import io.sello.draft.Drafts;
import io.sello.http.UnknownDocumentTypeException;
import io.sello.input.StrictJson;
import io.sello.storage.Draft;
import io.sello.storage.DraftId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Drafts (issue 15, point 3): the data of a document being prepared, saved by its author and nobody
 * else's business (another user's draft answers 404, as a missing one does). A draft's data need not
 * be valid; it must be a JSON object within {@code sello.limits.*}. Issuing renders and stores it
 * exactly as {@code POST /api/v1/documents/{type}?store=true} does.
 */
@RestController
@RequestMapping("/api/v1/drafts")
@Tag(name = "Drafts", description = "Unfinished documents of the signed-in user: save, list, reopen, issue")
class DraftsController {
    private static final Set<String> CREATE_FIELDS = Set.of("type", "title", "data");
    private static final Set<String> SAVE_FIELDS = Set.of("version", "title", "data");

    private final Drafts drafts;
    private final DocumentTypes types;
    private final JsonBodyCheck bodies;
    private final SecurityProperties security;
    private final StoringRender storing;

    DraftsController(
            Drafts drafts,
            DocumentTypes types,
            JsonBodyCheck bodies,
            SecurityProperties security,
            StoringRender storing) {
        this.drafts = drafts;
        this.types = types;
        this.bodies = bodies;
        this.security = security;
        this.storing = storing;
    }

    @Operation(
            summary = "Save a new draft",
            description =
                    "Body {\"type\": \"poa-execution-form\", \"title\": \"…\", \"data\": {…}}. The data need not be valid "
                            + "(it is work in progress) but must be a JSON object within the request limits. 201 with the draft "
                            + "(version 1) and its Location; 400 naming /type for an unknown type.")
    @ApiResponse(responseCode = "201", description = "The draft, with its data and version 1")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DraftView> create(@RequestBody(required = false) byte[] body, Authentication who) {
        JsonNode request = read(body, CREATE_FIELDS);
        String type = type(request);
        String title = title(request).orElse("");
        Draft draft = drafts.create(owner(who), type, title, data(request));
        return ResponseEntity.created(URI.create("/api/v1/drafts/" + draft.id()))
                .eTag(etag(draft))
                .body(DraftView.of(draft));
    }

    @Operation(
            summary = "My drafts",
            description = "The signed-in user's drafts, last saved first, without their data.")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<DraftSummary> list(Authentication who) {
        return drafts.of(owner(who)).stream().map(DraftSummary::of).toList();
    }

    @Operation(
            summary = "One of my drafts, with its data",
            description = "The ETag is the draft's version; send it back as If-Match (or as \"version\") when saving.")
    @ApiResponse(responseCode = "404", description = "No such draft, or not yours")
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DraftView> get(@PathVariable String id, Authentication who) {
        Draft draft = drafts.get(owner(who), parse(id));
        return ResponseEntity.ok().eTag(etag(draft)).body(DraftView.of(draft));
    }

    @Operation(
            summary = "Save a draft over the version read",
            description =
                    "Body {\"version\": n, \"title\"?: \"…\", \"data\": {…}}, or the version as If-Match. 200 with version n+1. "
                            + "When the stored version is no longer n (another tab or person saved meanwhile): 409 "
                            + "/problems/draft-conflict whose member \"current\" is the stored draft, so that the client can keep both.")
    @ApiResponse(
            responseCode = "409",
            description = "Saved by someone else since it was read; the stored draft is in \"current\"")
    @PutMapping(
            path = "/{id}",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DraftView> save(
            @PathVariable String id,
            @RequestBody(required = false) byte[] body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            Authentication who) {
        DraftId draftId = parse(id);
        String owner = owner(who);
        drafts.get(owner, draftId); // 404 before any complaint about the body: the id is checked first
        JsonNode request = read(body, SAVE_FIELDS);
        int version = version(request, ifMatch);
        Draft saved = drafts.save(owner, draftId, version, title(request), data(request));
        return ResponseEntity.ok().eTag(etag(saved)).body(DraftView.of(saved));
    }

    @Operation(summary = "Delete one of my drafts")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping(path = "/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, Authentication who) {
        drafts.delete(owner(who), parse(id));
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Issue a draft: render and store it",
            description =
                    "As POST /api/v1/documents/{type}?store=true with the draft's data: 201 with the stored document and "
                            + "its Location, and the draft is deleted. Invalid data gives the same 400/422 problems as rendering and "
                            + "keeps the draft.")
    @ApiResponse(responseCode = "201", description = "The stored document (its PDF at links.pdf)")
    @PostMapping(path = "/{id}/issue", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> issue(
            @PathVariable String id,
            @Parameter(description = "print declared figures that differ as computed, with warnings")
                    @RequestParam(defaultValue = "false")
                    boolean lenient,
            Authentication who) {
        Draft draft = drafts.get(owner(who), parse(id));
        DocumentType type = types.find(draft.type()).orElseThrow(() -> new UnknownDocumentTypeException(draft.type()));
        byte[] data = bodies.check(draft.data().getBytes(StandardCharsets.UTF_8));
        StoringRender.Result stored = storing.store(type, data, lenient, who);
        drafts.issued(draft, stored.id());
        return stored.response();
    }

    private String owner(Authentication who) {
        return SecurityConfiguration.actor(who, security).username();
    }

    private static DraftId parse(String id) {
        try {
            return DraftId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new DraftNotFoundException();
        }
    }

    private static String etag(Draft draft) {
        return "\"" + draft.version() + "\"";
    }

    /** The request as a JSON object with only the {@code allowed} members, within the configured limits. */
    private JsonNode read(byte[] body, Set<String> allowed) {
        JsonNode node = StrictJson.parse(bodies.check(body));
        if (!node.isObject()) {
            throw InvalidInputException.at(
                    "/",
                    "expected a JSON object with "
                            + String.join(", ", allowed.stream().sorted().toList()));
        }
        List<InputError> unknown = new ArrayList<>();
        for (String name : node.propertyNames()) {
            if (!allowed.contains(name)) {
                unknown.add(new InputError(
                        "/" + name,
                        "unknown field; expected only "
                                + String.join(", ", allowed.stream().sorted().toList())));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(unknown);
        }
        return node;
    }

    private String type(JsonNode request) {
        JsonNode type = request.get("type");
        String known = types.all().stream().map(t -> t.id().value()).collect(Collectors.joining(", "));
        if (type == null || !type.isString() || types.find(type.stringValue()).isEmpty()) {
            throw InvalidInputException.at(
                    "/type", "expected one of " + known + " but got " + (type == null ? "nothing" : type.toString()));
        }
        return type.stringValue();
    }

    private static Optional<String> title(JsonNode request) {
        JsonNode title = request.get("title");
        if (title == null || title.isNull()) {
            return Optional.empty();
        }
        if (!title.isString()) {
            throw InvalidInputException.at("/title", "expected a string");
        }
        String text = title.stringValue().strip();
        if (text.length() > Draft.TITLE_MAX) {
            throw InvalidInputException.at(
                    "/title", "expected at most " + Draft.TITLE_MAX + " characters but got " + text.length());
        }
        return Optional.of(text);
    }

    /** The data as sent, numbers unchanged: StrictJson reads them as BigDecimal and writes them back as written. */
    private static String data(JsonNode request) {
        JsonNode data = request.get("data");
        if (data == null || !data.isObject()) {
            throw InvalidInputException.at("/data", "expected a JSON object (the document's data, valid or not yet)");
        }
        return data.toString();
    }

    private static int version(JsonNode request, String ifMatch) {
        JsonNode version = request.get("version");
        if (version != null && version.isIntegralNumber() && version.canConvertToInt() && version.intValue() >= 1) {
            return version.intValue();
        }
        if (version == null && ifMatch != null && ifMatch.strip().matches("(W/)?\"?[1-9][0-9]{0,8}\"?")) {
            return Integer.parseInt(ifMatch.strip().replaceAll("[^0-9]", ""));
        }
        throw InvalidInputException.at(
                "/version",
                "expected the version the draft was read at (a positive integer), "
                        + "or that version as an If-Match header");
    }

    /** A draft as answered: its data as the JSON object it is. */
    record DraftView(
            String id,
            String type,
            String title,
            int version,
            String createdAt,
            String updatedAt,
            @JsonRawValue String data) {
        static DraftView of(Draft draft) {
            return new DraftView(
                    draft.id().toString(),
                    draft.type(),
                    draft.title(),
                    draft.version(),
                    draft.createdAt().toString(),
                    draft.updatedAt().toString(),
                    draft.data());
        }
    }

    /** A draft in a list: no data. */
    record DraftSummary(String id, String type, String title, int version, String createdAt, String updatedAt) {
        static DraftSummary of(Draft draft) {
            return new DraftSummary(
                    draft.id().toString(),
                    draft.type(),
                    draft.title(),
                    draft.version(),
                    draft.createdAt().toString(),
                    draft.updatedAt().toString());
        }
    }
}
