package health.wearables.adapters.rest.app.config.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/** The charts read back as SVG (XML): each bar and point is where its day's value puts it. */
class SvgChartsTest {
    private static final LocalDate FROM = LocalDate.parse("2026-11-01");
    private static final LocalDate TO = LocalDate.parse("2026-11-07");

    private static DailySeries series(Map<LocalDate, Double> values) {
        return new DailySeries("steps", "Steps per day", "steps", 0, FROM, TO, values);
    }

    private static Document svg(String markup) {
        return Jsoup.parse(markup, "", Parser.xmlParser());
    }

    @Test
    void a_bar_per_day_with_a_value_as_high_as_the_value_on_one_scale() {
        Map<LocalDate, Double> values = Map.of(
                LocalDate.parse("2026-11-01"), 1_000.0,
                LocalDate.parse("2026-11-02"), 5_000.0,
                LocalDate.parse("2026-11-05"), 2_500.0);
        Document chart = svg(SvgCharts.bars(series(values)));

        List<Element> bars = chart.select("rect.bar");
        assertThat(bars)
                .extracting(bar -> bar.attr("data-day"))
                .containsExactly("2026-11-01", "2026-11-02", "2026-11-05");
        double top = SvgCharts.niceCeiling(5_000); // 5,000: the axis ends at the highest value
        for (Element bar : bars) {
            double value = values.get(LocalDate.parse(bar.attr("data-day")));
            assertThat(Double.parseDouble(bar.attr("data-value"))).isEqualTo(value);
            double height = Double.parseDouble(bar.attr("height"));
            assertThat(height).isCloseTo(value / top * SvgCharts.PLOT_HEIGHT, within(0.01));
            // standing on the baseline
            assertThat(Double.parseDouble(bar.attr("y")) + height)
                    .isCloseTo(SvgCharts.TOP + SvgCharts.PLOT_HEIGHT, within(0.02));
            assertThat(bar.selectFirst("title").text())
                    .contains(String.format(java.util.Locale.ENGLISH, "%,.0f", value));
        }
        // left to right by day, and a day without a value leaves its place empty
        double slot = SvgCharts.PLOT_WIDTH / 7;
        assertThat(Double.parseDouble(bars.get(2).attr("x"))
                        - Double.parseDouble(bars.get(1).attr("x")))
                .isCloseTo(3 * slot, within(0.02));
        assertThat(chart.selectFirst("svg").attr("role")).isEqualTo("img");
        assertThat(chart.selectFirst("svg > title").text()).isEqualTo("Steps per day");
        assertThat(chart.selectFirst("svg > desc").text()).contains("lowest 1,000 steps", "highest 5,000 steps");
        assertThat(chart.select("text.axis-label")).extracting(Element::text).containsExactly("Day (UTC)", "steps");
        // the unit is written rightwards from the left edge: a long one ("beats per minute") is not cut off
        Element unit = chart.select("text.axis-label").get(1);
        assertThat(unit.attr("text-anchor")).isEqualTo("start");
        assertThat(Double.parseDouble(unit.attr("x"))).isNotNegative();
        assertThat(chart.select("text.tick")).extracting(Element::text).contains("0", "2,500", "5,000", "7 Nov");
    }

    @Test
    void the_axis_of_bars_ends_at_a_round_value_above_the_highest() {
        assertThat(SvgCharts.niceCeiling(8_123)).isEqualTo(10_000);
        assertThat(SvgCharts.niceCeiling(12_400)).isEqualTo(20_000);
        assertThat(SvgCharts.niceCeiling(7.4)).isEqualTo(10);
        assertThat(SvgCharts.niceCeiling(2.1)).isEqualTo(2.5);
        assertThat(SvgCharts.niceCeiling(0)).isEqualTo(1);
    }

    @Test
    void no_values_no_bars_and_the_description_says_so() {
        Document chart = svg(SvgCharts.bars(series(Map.of())));
        assertThat(chart.select("rect.bar")).isEmpty();
        assertThat(chart.selectFirst("desc").text()).isEqualTo("No data from 1 Nov 2026 to 7 Nov 2026.");
    }

    @Test
    void a_line_through_the_values_higher_for_a_higher_value_and_broken_where_a_day_has_none() {
        Map<LocalDate, Double> values = Map.of(
                LocalDate.parse("2026-11-01"), 55.0,
                LocalDate.parse("2026-11-02"), 61.0,
                LocalDate.parse("2026-11-04"), 58.0,
                LocalDate.parse("2026-11-05"), 52.0);
        Document chart = svg(
                SvgCharts.line(new DailySeries("rhr", "Resting heart rate", "beats per minute", 0, FROM, TO, values)));

        List<Element> points = chart.select("circle.point");
        assertThat(points)
                .extracting(point -> point.attr("data-day"))
                .containsExactly("2026-11-01", "2026-11-02", "2026-11-04", "2026-11-05");
        // the axis runs from 40 to 70 (five below the lowest, five above the highest, to tens): y is linear in value
        for (Element point : points) {
            double value = values.get(LocalDate.parse(point.attr("data-day")));
            double expected = SvgCharts.TOP + SvgCharts.PLOT_HEIGHT - (value - 40) / 30 * SvgCharts.PLOT_HEIGHT;
            assertThat(Double.parseDouble(point.attr("cy"))).isCloseTo(expected, within(0.01));
        }
        String path = chart.selectFirst("path.line").attr("d");
        assertThat(path.split("M", -1)).as("two pieces: the 3rd has no value").hasSize(3);
        assertThat(path.split("L", -1)).hasSize(3);
        assertThat(chart.select("text.tick")).extracting(Element::text).contains("40", "55", "70");
    }
}
