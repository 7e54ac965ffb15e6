package io.sello.document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalogue of document types, in the order they are listed to clients. */
public final class DocumentTypes {
    private final Map<DocumentTypeId, DocumentType> byId = new LinkedHashMap<>();

    public DocumentTypes(List<DocumentType> types) {
        for (DocumentType type : types) {
            if (byId.putIfAbsent(type.id(), type) != null) {
                throw new IllegalArgumentException("document type registered twice: " + type.id());
            }
        }
    }

    public List<DocumentType> all() {
        return List.copyOf(byId.values());
    }

    public Optional<DocumentType> find(String id) {
        try {
            return Optional.ofNullable(byId.get(new DocumentTypeId(id)));
        } catch (IllegalArgumentException notASlug) {
            return Optional.empty();
        }
    }
}
