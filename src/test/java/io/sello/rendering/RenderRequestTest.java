package io.sello.rendering;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RenderRequestTest {
    private static final TemplateId TEMPLATE = new TemplateId("poa-execution-form");

    @Test
    void rowsOnDemandAreMadeWhenReadAndNotBefore() {
        AtomicInteger made = new AtomicInteger();
        List<Map<String, Object>> rows = RenderRequest.rowsOnDemand(3, i -> {
            made.incrementAndGet();
            return Map.of("code", "0" + i);
        });
        RenderRequest request = new RenderRequest(TEMPLATE, "t", Map.of(), rows);

        assertThat(made).hasValue(0);
        assertThat(request.rows()).hasSize(3);
        assertThat(made).hasValue(0);
        assertThat(request.rows().get(2)).containsEntry("code", "02");
        assertThat(made).hasValue(1);
        assertThat(request.rows()).extracting(row -> row.get("code")).containsExactly("00", "01", "02");
        assertThatThrownBy(() -> request.rows().get(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> request.rows().add(Map.of())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void ordinaryRowsAreStillCopied() {
        List<Map<String, Object>> rows = new ArrayList<>(List.of(Map.of("code", "01")));
        RenderRequest request = new RenderRequest(TEMPLATE, "t", Map.of(), rows);
        rows.add(Map.of("code", "02"));
        assertThat(request.rows()).hasSize(1);
    }
}
