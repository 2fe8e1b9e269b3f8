package aero.severity.ml.backtest;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import aero.severity.ml.evaluation.Charts;
import aero.severity.ml.evaluation.EvaluationReport;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Metric against horizon: ECE, Brier and fatal ROC-AUC, one thin line per cutoff and the mean over
 * cutoffs in bold, so decay with time is seen at a glance.
 */
final class HorizonChart {

    /** One colour per cutoff, the same in every subplot (JFreeChart would pick a new one per plot). */
    private static final Color[] CUTOFF_COLOURS = {
        new Color(214, 39, 40),
        new Color(31, 119, 180),
        new Color(44, 160, 44),
        new Color(255, 127, 14),
        new Color(148, 103, 189),
        new Color(140, 86, 75),
        new Color(227, 119, 194),
        new Color(127, 127, 127),
        new Color(188, 189, 34),
        new Color(23, 190, 207)
    };

    private static final int WIDTH = 720;
    private static final int HEIGHT = 900;
    private static final Map<String, ToDoubleFunction<EvaluationReport>> PLOTTED = Map.of(
            "ECE",
            EvaluationReport::ece,
            "Brier",
            EvaluationReport::brier,
            "fatal ROC-AUC",
            EvaluationReport::fatalVsRestRocAuc);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private HorizonChart() {}

    static byte[] png(BacktestReport report) {
        List<Horizon> horizons = report.horizons();
        String[] names = horizons.stream().map(Horizon::name).toArray(String[]::new);
        SymbolAxis axis = new SymbolAxis("years after the cutoff (first band: validation years)", names);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(axis);
        for (String metric : List.of("ECE", "Brier", "fatal ROC-AUC")) {
            combined.add(subplot(report, metric, PLOTTED.get(metric)), 1);
        }
        JFreeChart chart = new JFreeChart(
                "Backtest of " + report.algorithm() + ": metrics by horizon",
                JFreeChart.DEFAULT_TITLE_FONT,
                combined,
                true);
        chart.addSubtitle(new TextTitle(report.cutoffs().size() + " cutoffs: "
                + String.join(
                        ", ",
                        report.cutoffs().stream()
                                .map(c -> Integer.toString(c.year()))
                                .toList()) + "; bold: mean over cutoffs"));
        chart.setBackgroundPaint(Color.WHITE);
        return Charts.png(chart, WIDTH, HEIGHT);
    }

    private static XYPlot subplot(BacktestReport report, String metric, ToDoubleFunction<EvaluationReport> value) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries mean = new XYSeries("mean");
        List<BacktestReport.Summary> summary = report.summary();
        for (BacktestReport.Summary s : summary) {
            List<Double> values = report.bandsOf(s.horizon()).stream()
                    .map(b -> value.applyAsDouble(b.report()))
                    .filter(v -> !v.isNaN())
                    .toList();
            if (!values.isEmpty()) {
                mean.add(
                        report.horizons().indexOf(s.horizon()),
                        values.stream()
                                .mapToDouble(Double::doubleValue)
                                .average()
                                .orElseThrow());
            }
        }
        data.addSeries(mean);
        for (BacktestReport.Cutoff cutoff : report.cutoffs()) {
            XYSeries series = new XYSeries("T=" + cutoff.year());
            for (BacktestReport.Band band : cutoff.bands()) {
                double v = value.applyAsDouble(band.report());
                if (!Double.isNaN(v)) {
                    series.add(report.horizons().indexOf(band.horizon()), v);
                }
            }
            data.addSeries(series);
        }
        NumberAxis range = new NumberAxis(metric);
        range.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, Color.BLACK);
        renderer.setSeriesStroke(0, new BasicStroke(3.5f));
        for (int i = 1; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, CUTOFF_COLOURS[(i - 1) % CUTOFF_COLOURS.length]);
            renderer.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
            renderer.setSeriesStroke(i, new BasicStroke(1.2f));
            renderer.setSeriesVisibleInLegend(i, metric.equals("ECE"));
        }
        renderer.setSeriesVisibleInLegend(0, metric.equals("ECE"));
        XYPlot plot = new XYPlot(data, null, range, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }
}
