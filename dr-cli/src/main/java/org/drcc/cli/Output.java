package org.drcc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Tables for people, {@code --json} for scripts. */
class Output {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print the service's JSON answer instead of a table.")
    boolean json;

    PrintStream out = System.out;

    void print(JsonNode node, String... columns) {
        if (json) {
            out.println(node.toPrettyString());
            return;
        }
        JsonNode rows = node.has("items") ? node.get("items") : node;
        List<JsonNode> list = new ArrayList<>();
        if (rows.isArray()) {
            rows.forEach(list::add);
        } else {
            list.add(rows);
        }
        table(list, columns);
        if (node.has("total")) {
            out.printf("(%d of %d)%n", list.size(), node.get("total").asLong());
        }
    }

    void fields(JsonNode node, String... names) {
        if (json) {
            out.println(node.toPrettyString());
            return;
        }
        for (String name : names) {
            out.printf("%-22s %s%n", name, text(node.get(name)));
        }
    }

    private void table(List<JsonNode> rows, String... columns) {
        int[] widths = new int[columns.length];
        for (int c = 0; c < columns.length; c++) {
            widths[c] = columns[c].length();
            for (JsonNode row : rows) {
                widths[c] = Math.min(60, Math.max(widths[c], text(row.get(columns[c])).length()));
            }
        }
        StringBuilder header = new StringBuilder();
        for (int c = 0; c < columns.length; c++) {
            header.append(String.format("%-" + widths[c] + "s  ", columns[c]));
        }
        out.println(header.toString().strip());
        for (JsonNode row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns.length; c++) {
                String value = text(row.get(columns[c]));
                line.append(String.format("%-" + widths[c] + "s  ", value.length() > 60 ? value.substring(0, 57) + "..." : value));
            }
            out.println(line.toString().strip());
        }
    }

    static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "-";
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    static String json(Object value) {
        return JSON.valueToTree(value).toString();
    }
}
