package org.drcc.incident.report;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * A report as headings, paragraphs and tables, written out as Markdown or HTML from the same content. Hand-written
 * rather than a Markdown library: three block types, and the HTML must escape every value (names and notes are
 * typed by people), which rendering Markdown text would not guarantee.
 */
final class ReportDocument {

    private sealed interface Block permits Heading, Paragraph, Table {
    }

    private record Heading(int level, String text) implements Block {
    }

    private record Paragraph(String text) implements Block {
    }

    private record Table(List<String> headers, List<List<String>> rows) implements Block {
    }

    private final List<Block> blocks = new ArrayList<>();

    ReportDocument heading(int level, String text) {
        blocks.add(new Heading(level, text));
        return this;
    }

    ReportDocument paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    ReportDocument table(List<String> headers, List<List<String>> rows) {
        blocks.add(new Table(headers, rows));
        return this;
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                out.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
            } else if (b instanceof Paragraph p) {
                out.append(p.text()).append("\n\n");
            } else if (b instanceof Table t) {
                out.append(row(t.headers())).append('|').append(" --- |".repeat(t.headers().size())).append('\n');
                t.rows().forEach(r -> out.append(row(r)));
                out.append('\n');
            }
        }
        return out.toString();
    }

    String html(String title) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(e(title)).append("</title><style>body{font-family:sans-serif;max-width:70em;margin:2em auto}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.2em .5em;text-align:left;"
                        + "vertical-align:top}</style></head><body>\n");
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                out.append("<h").append(h.level()).append('>').append(e(h.text())).append("</h").append(h.level()).append(">\n");
            } else if (b instanceof Paragraph p) {
                out.append("<p>").append(e(p.text())).append("</p>\n");
            } else if (b instanceof Table t) {
                out.append("<table><tr>");
                t.headers().forEach(x -> out.append("<th>").append(e(x)).append("</th>"));
                out.append("</tr>\n");
                for (List<String> r : t.rows()) {
                    out.append("<tr>");
                    r.forEach(x -> out.append("<td>").append(e(x)).append("</td>"));
                    out.append("</tr>\n");
                }
                out.append("</table>\n");
            }
        }
        return out.append("</body></html>\n").toString();
    }

    private static String row(List<String> cells) {
        StringBuilder out = new StringBuilder("|");
        cells.forEach(c -> out.append(' ').append(cell(c)).append(" |"));
        return out.append('\n').toString();
    }

    /** A Markdown table cell: one line, its pipes escaped. */
    private static String cell(String value) {
        return value == null ? "" : value.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }

    private static String e(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value);
    }
}
