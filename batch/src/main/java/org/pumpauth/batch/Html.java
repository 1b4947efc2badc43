package org.pumpauth.batch;

import java.util.List;

/** The pieces the HTML reports share: escaping, the page's head, a horizontal bar chart as inline SVG. */
final class Html {
    private Html() {}

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '&': out.append("&amp;"); break;
                case '"': out.append("&quot;"); break;
                case '\'': out.append("&#39;"); break;
                default: out.append(c);
            }
        }
        return out.toString();
    }

    static String head(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>\nbody{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;"
                + "color:#1a1a1a;line-height:1.4}\ntable{border-collapse:collapse;margin:1rem 0}\n"
                + "th,td{border:1px solid #bbb;padding:.3rem .6rem;text-align:left;vertical-align:top}\n"
                + "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}\ntd.changed{background:#fde2c8;font-weight:600}\n"
                + "caption{text-align:left;font-weight:600;padding:.3rem 0}\ncode{font-size:.9em}\n"
                + ".definition{color:#444;font-size:.92em}\n</style>\n</head>\n<body>\n";
    }

    static String tail() {
        return "</body>\n</html>\n";
    }

    /** One bar of a chart: its label, its value and whether it is drawn as a change. */
    record Bar(String label, long value, boolean highlighted) {}

    /** A horizontal bar chart: a label, a bar as long as its value, the value; highlighted bars in orange. */
    static String barChart(String title, List<Bar> bars) {
        int labelWidth = 440;
        int barWidth = 300;
        int row = 24;
        int height = bars.size() * row + 10;
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(labelWidth + barWidth + 90)
                .append("\" height=\"").append(height).append("\" aria-labelledby=\"t").append(title.hashCode() & 0xffff)
                .append("\">\n<title id=\"t").append(title.hashCode() & 0xffff).append("\">").append(escape(title))
                .append("</title>\n");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = 5 + i * row;
            long width = Math.max(1, Math.round((double) bar.value() / max * barWidth));
            svg.append("<text x=\"").append(labelWidth - 8).append("\" y=\"").append(y + 16)
                    .append("\" text-anchor=\"end\" font-size=\"13\">").append(escape(bar.label())).append("</text>\n");
            svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 3).append("\" width=\"").append(width)
                    .append("\" height=\"").append(row - 6).append("\" fill=\"")
                    .append(bar.highlighted() ? "#d9661f" : "#9aa5b1").append("\"/>\n");
            svg.append("<text x=\"").append(labelWidth + width + 6).append("\" y=\"").append(y + 16)
                    .append("\" font-size=\"13\">").append(bar.value()).append("</text>\n");
        }
        return svg.append("</svg>\n").toString();
    }
}
