package io.sello.budget;

import io.sello.document.InputFindings;
import io.sello.input.JsonElement;
import io.sello.input.JsonObject;
import io.sello.input.StrictJson;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.sello.input.JsonObject.Presence.OPTIONAL;
import static io.sello.input.JsonObject.Presence.REQUIRED;

/** Reads a {@code budget-summary} request, collecting every error and warning. */
final class BudgetSummaryReader {
    private static final int MAX_TABLES = 50;

    private BudgetSummaryReader() {
    }

    /** The summary, or {@code null} when {@code findings} holds errors. */
    static BudgetSummary read(byte[] json, InputFindings findings) {
        JsonObject root = JsonObject.root(StrictJson.parse(json), findings,
                "$schema", "title", "subtitle", "issuer", "placeAndDate", "figures", "tables", "notes",
                "signatories");
        if (root == null) {
            return null;
        }
        String title = root.text("title", REQUIRED);
        String subtitle = root.text("subtitle", OPTIONAL);
        String issuer = root.text("issuer", OPTIONAL);
        String placeAndDate = root.text("placeAndDate", OPTIONAL);
        PrintedFigures figures = PrintedFigures.read(root);
        int count = root.arrayLength("tables");
        List<BudgetTable> tables = new ArrayList<>();
        if (count == 0 || count > MAX_TABLES) {
            findings.error(root.pointer("tables"), "expected 1 to " + MAX_TABLES + " tables but got "
                    + (count < 0 ? "none" : String.valueOf(count)));
            if (count < 0 && root.has("tables")) {
                root.elements("tables", REQUIRED); // records the type error
            }
        } else {
            Map<String, String> ids = new HashMap<>();
            for (JsonObject t : root.objects("tables", REQUIRED, BudgetReader.FIELDS)) {
                BudgetTable table = BudgetReader.read(t);
                if (table == null) {
                    continue;
                }
                String first = ids.putIfAbsent(table.id(), t.pointer());
                if (first != null) {
                    findings.error(t.pointer("id"), "table id \"" + table.id() + "\" is already used at " + first);
                    continue;
                }
                tables.add(table);
            }
        }
        List<String> notes = new ArrayList<>();
        for (JsonElement note : root.elements("notes", OPTIONAL)) {
            String text = note.text();
            if (text != null && !text.isBlank()) {
                notes.add(text.strip());
            }
        }
        List<Signatory> signatories = signatories(root);
        if (findings.hasErrors()) {
            return null;
        }
        return new BudgetSummary(title, subtitle, issuer, placeAndDate, tables, notes, figures, signatories);
    }

    /** As Formulario N.5.B's reader: each role at most once, so at most three (the schema's maxItems). */
    private static List<Signatory> signatories(JsonObject root) {
        Map<Signatory.Role, Signatory> byRole = new EnumMap<>(Signatory.Role.class);
        for (JsonObject o : root.objects("signatories", OPTIONAL, "role", "name", "position")) {
            if (o == null) {
                continue;
            }
            Signatory.Role role = o.enumeration("role", REQUIRED, Signatory.Role.class);
            String name = o.text("name", OPTIONAL);
            String position = o.text("position", OPTIONAL);
            if (role != null && byRole.putIfAbsent(role, new Signatory(role, name, position)) != null) {
                o.findings().error(o.pointer("role"), "role " + role + " is given more than once");
            }
        }
        return List.copyOf(byRole.values());
    }
}
