package io.sello.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A large, valid Formulario N.5.B made from seed 000: its 42 activities repeated {@code copies} times
 * (42 activities print on 4 pages, so 250 copies give about 1,000 pages). Each copy after the first
 * prefixes its activity codes with the copy number, so that the input stays realistic (the seed's own
 * duplicate codes repeat, nothing else does), and the declared totals are the seed's multiplied by
 * {@code copies}, so that the document renders strictly, without {@code --lenient}.
 * <pre>
 *   java -cp … io.sello.support.LargeFormInput &lt;copies&gt; &lt;out.json&gt;
 * </pre>
 * Generated, not committed: 250 copies are about 6 MB of JSON.
 */
public final class LargeFormInput {
    public static final Path SEED = Path.of("examples/poa-execution-form/senavex-2020-julio.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LargeFormInput() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: LargeFormInput <copies> <out.json>");
            System.exit(2);
        }
        int copies = Integer.parseInt(args[0]);
        Files.write(Path.of(args[1]), json(copies));
    }

    public static byte[] json(int copies) throws IOException {
        if (copies < 1) {
            throw new IllegalArgumentException("copies must be at least 1");
        }
        ObjectNode seed = (ObjectNode) JSON.readTree(Files.readAllBytes(SEED));
        ArrayNode activities = (ArrayNode) seed.get("activities");
        ArrayNode repeated = JSON.createArrayNode();
        for (int copy = 0; copy < copies; copy++) {
            for (JsonNode activity : activities) {
                ObjectNode clone = (ObjectNode) activity.deepCopy();
                if (copy > 0) {
                    clone.put("code", copy + "." + activity.get("code").asString());
                }
                repeated.add(clone);
            }
        }
        seed.set("activities", repeated);
        JsonNode declared = seed.get("declaredTotals");
        if (declared != null) {
            multiplyAmounts(declared, BigDecimal.valueOf(copies));
        }
        return JSON.writeValueAsBytes(seed);
    }

    /** Every amount of the declared totals times {@code factor}; percentages do not change when everything repeats. */
    private static void multiplyAmounts(JsonNode node, BigDecimal factor) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        for (String name : object.propertyNames()) {
            JsonNode value = object.get(name);
            if (value.isObject()) {
                multiplyAmounts(value, factor);
            } else if (!name.equals("executionPercent")) {
                object.put(
                        name, new BigDecimal(value.asString()).multiply(factor).toPlainString());
            }
        }
    }
}
