package health.wearables.adapters.rest.app.config.demo;

import static org.owasp.encoder.Encode.forHtml;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The dashboard's charts as inline SVG, drawn on the server: a bar per day, or a line through the days' values. No
 * script and no style attribute (the pages' policy allows neither): colours are presentation attributes. Each chart is
 * an image with a title and a description (its summary in words, {@code role="img"}), every bar and point has a
 * title with its day and value, and both axes are labelled.
 */
final class SvgCharts {
    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    static final int LEFT = 64;
    static final int RIGHT = 16;
    static final int TOP = 24;
    static final int BOTTOM = 56;
    /** The plot's height in user units: a value of the axis's top is a bar this high. */
    static final double PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

    static final double PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    private static final String INK = "#1a1a1a";
    private static final String GRID = "#c4c7cc";
    private static final String BAR = "#0b4fb3";
    private static final String LINE = "#a3261e";
    private static final DateTimeFormatter TICK = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private SvgCharts() {}

    /** A bar per day, from zero up to the day's value; a day without a value has none. */
    static String bars(DailySeries series) {
        double top = niceCeiling(series.values().values().stream()
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0));
        StringBuilder svg = open(series);
        axes(svg, series, 0, top);
        List<LocalDate> days = series.days();
        double slot = PLOT_WIDTH / days.size();
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            Optional<Double> value = series.valueOn(day);
            if (value.isEmpty()) {
                continue;
            }
            double height = Math.max(0, value.get()) / top * PLOT_HEIGHT;
            svg.append("<rect class=\"bar\" data-day=\"")
                    .append(day)
                    .append("\" data-value=\"")
                    .append(plain(value.get()))
                    .append("\" x=\"")
                    .append(number(LEFT + i * slot + slot * 0.15))
                    .append("\" y=\"")
                    .append(number(TOP + PLOT_HEIGHT - height))
                    .append("\" width=\"")
                    .append(number(slot * 0.7))
                    .append("\" height=\"")
                    .append(number(height))
                    .append("\" fill=\"")
                    .append(BAR)
                    .append("\"><title>")
                    .append(pointTitle(series, day, value.get()))
                    .append("</title></rect>\n");
        }
        return close(svg);
    }

    /** A line through the days' values (broken where a day has none), a dot on each, on an axis fitted to them. */
    static String line(DailySeries series) {
        double lowest = series.values().values().stream()
                .mapToDouble(Double::doubleValue)
                .min()
                .orElse(0);
        double highest = series.values().values().stream()
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(10);
        double bottom = Math.max(0, Math.floor((lowest - 5) / 10) * 10);
        double top = Math.ceil((highest + 5) / 10) * 10;
        StringBuilder svg = open(series);
        axes(svg, series, bottom, top);
        List<LocalDate> days = series.days();
        double slot = PLOT_WIDTH / days.size();
        StringBuilder path = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        boolean drawing = false;
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            Optional<Double> value = series.valueOn(day);
            if (value.isEmpty()) {
                drawing = false;
                continue;
            }
            String x = number(LEFT + i * slot + slot / 2);
            String y = number(TOP + PLOT_HEIGHT - (value.get() - bottom) / (top - bottom) * PLOT_HEIGHT);
            path.append(drawing ? " L" : (path.length() == 0 ? "M" : " M"))
                    .append(x)
                    .append(' ')
                    .append(y);
            drawing = true;
            dots.append("<circle class=\"point\" data-day=\"")
                    .append(day)
                    .append("\" data-value=\"")
                    .append(plain(value.get()))
                    .append("\" cx=\"")
                    .append(x)
                    .append("\" cy=\"")
                    .append(y)
                    .append("\" r=\"4\" fill=\"")
                    .append(LINE)
                    .append("\"><title>")
                    .append(pointTitle(series, day, value.get()))
                    .append("</title></circle>\n");
        }
        if (path.length() > 0) {
            svg.append("<path class=\"line\" d=\"")
                    .append(path)
                    .append("\" fill=\"none\" stroke=\"")
                    .append(LINE)
                    .append("\" stroke-width=\"2\"/>\n");
        }
        svg.append(dots);
        return close(svg);
    }

    private static StringBuilder open(DailySeries series) {
        String id = forHtml(series.id());
        return new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"chart-")
                .append(id)
                .append("\" role=\"img\" aria-labelledby=\"chart-")
                .append(id)
                .append("-title chart-")
                .append(id)
                .append("-desc\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\">\n<title id=\"chart-")
                .append(id)
                .append("-title\">")
                .append(forHtml(series.title()))
                .append("</title>\n<desc id=\"chart-")
                .append(id)
                .append("-desc\">")
                .append(forHtml(series.summary()))
                .append("</desc>\n");
    }

    private static String close(StringBuilder svg) {
        return svg.append("</svg>\n").toString();
    }

    /** Both axes with their labels, three lines across the plot (bottom, middle, top) and a day tick every week. */
    private static void axes(StringBuilder svg, DailySeries series, double bottom, double top) {
        double baseline = TOP + PLOT_HEIGHT;
        for (int i = 0; i <= 2; i++) {
            double value = bottom + (top - bottom) * i / 2;
            String y = number(baseline - PLOT_HEIGHT * i / 2);
            svg.append("<line x1=\"")
                    .append(LEFT)
                    .append("\" x2=\"")
                    .append(WIDTH - RIGHT)
                    .append("\" y1=\"")
                    .append(y)
                    .append("\" y2=\"")
                    .append(y)
                    .append("\" stroke=\"")
                    .append(i == 0 ? INK : GRID)
                    .append("\" stroke-width=\"1\"/>\n<text class=\"tick\" x=\"")
                    .append(LEFT - 6)
                    .append("\" y=\"")
                    .append(number(baseline - PLOT_HEIGHT * i / 2 + 4))
                    .append("\" text-anchor=\"end\" font-size=\"12\" fill=\"")
                    .append(INK)
                    .append("\">")
                    .append(forHtml(series.format(value)))
                    .append("</text>\n");
        }
        List<LocalDate> days = series.days();
        double slot = PLOT_WIDTH / days.size();
        for (int i = days.size() - 1; i >= 0; i -= 7) {
            svg.append("<text class=\"tick\" x=\"")
                    .append(number(LEFT + i * slot + slot / 2))
                    .append("\" y=\"")
                    .append(number(baseline + 18))
                    .append("\" text-anchor=\"middle\" font-size=\"12\" fill=\"")
                    .append(INK)
                    .append("\">")
                    .append(days.get(i).format(TICK))
                    .append("</text>\n");
        }
        svg.append("<text class=\"axis-label\" x=\"")
                .append(number(LEFT + PLOT_WIDTH / 2))
                .append("\" y=\"")
                .append(HEIGHT - 8)
                .append("\" text-anchor=\"middle\" font-size=\"13\" fill=\"")
                .append(INK)
                .append("\">Day (UTC)</text>\n<text class=\"axis-label\" x=\"4\" y=\"")
                .append(TOP - 10)
                .append("\" text-anchor=\"start\" font-size=\"13\" fill=\"")
                .append(INK)
                .append("\">")
                .append(forHtml(series.unit()))
                .append("</text>\n");
    }

    private static String pointTitle(DailySeries series, LocalDate day, double value) {
        return forHtml(DailySeries.day(day) + ": " + series.formatWithUnit(value));
    }

    /** The smallest 1, 2, 2.5 or 5 times a power of ten that is at least {@code value} (1 for nothing). */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** A coordinate: two decimals at most, a dot as the separator whatever the locale. */
    private static String number(double value) {
        return plain(Math.round(value * 100) / 100.0);
    }

    private static String plain(double value) {
        return value == Math.rint(value)
                ? Long.toString((long) value)
                : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
