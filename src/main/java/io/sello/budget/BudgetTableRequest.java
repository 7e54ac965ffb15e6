package io.sello.budget;

import io.sello.format.Currency;

import java.util.List;
import java.util.Map;

/**
 * One budget table as the published schema gives it ({@code $defs/budgetTable}, docs/budget-tables.md), bound after
 * the schema accepted it: every field has its JSON name and an absent one is {@code null}. A cell or declared figure
 * stays as bound (a {@link java.math.BigDecimal} or {@link java.math.BigInteger} for a JSON number, the string as
 * sent otherwise), so an amount sent as {@code "1237022.00"} is exact. {@link BudgetTableRules} turns it into a
 * {@link BudgetTable}.
 */
record BudgetTableRequest(
        String id,
        String title,
        String labelHeader,
        BudgetTableRules.Style numberStyle,
        Boolean roundedInputs,
        TableRounding rounding,
        List<Column> columns,
        List<Row> rows,
        List<String> notes,
        ChartRequest chart) {
    BudgetTableRequest {
        columns = columns == null ? List.of() : columns;
        rows = rows == null ? List.of() : rows;
        notes = notes == null ? List.of() : notes;
    }

    record Column(
            String key,
            String header,
            String group,
            Currency currency,
            Integer year,
            String period,
            Integer decimals,
            Boolean hidden,
            List<String> sum,
            String formula,
            Convert convert) {}

    record Convert(String from, Rate rate, BudgetTableRules.Rounding rounding) {}

    /** {@code value} is a JSON number or a decimal string (the schema's two forms). */
    record Rate(Currency base, Object value) {}

    /** Exactly one of label, heading, subtotal, total (the schema's oneOf). */
    record Row(
            String label,
            Boolean group,
            String heading,
            String subtotal,
            String total,
            Integer level,
            Boolean italic,
            Map<String, Object> values,
            Map<String, Object> declared) {}

    record ChartRequest(String title, List<String> columns) {}
}
