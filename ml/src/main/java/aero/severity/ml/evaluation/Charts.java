package aero.severity.ml.evaluation;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;

import aero.severity.domain.Severity;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The plots saved with every model, as PNG bytes (rendered headless). */
public final class Charts {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 560;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {}

    /** Confusion matrix normalised by true class (each row sums to 100 %), with the counts written in the cells. */
    public static byte[] confusionMatrix(EvaluationReport report, String title) {
        int k = Severity.values().length;
        String[] names = Arrays.stream(Severity.values()).map(Severity::code).toArray(String[]::new);
        double[] xs = new double[k * k];
        double[] ys = new double[k * k];
        double[] zs = new double[k * k];
        int[][] confusion = report.confusion();
        XYPlot plot = new XYPlot();
        for (int t = 0; t < k; t++) {
            int support = Arrays.stream(confusion[t]).sum();
            for (int p = 0; p < k; p++) {
                int cell = t * k + p;
                xs[cell] = p;
                ys[cell] = k - 1 - t; // true FATL on top
                zs[cell] = support == 0 ? 0 : (double) confusion[t][p] / support;
                XYTextAnnotation label = new XYTextAnnotation(
                        String.format("%d%n(%.0f%%)", confusion[t][p], 100 * zs[cell])
                                .replace(System.lineSeparator(), " "),
                        p,
                        k - 1 - t);
                label.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
                label.setPaint(zs[cell] > 0.5 ? Color.WHITE : Color.BLACK);
                plot.addAnnotation(label);
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("share of true class", new double[][] {xs, ys, zs});
        XYBlockRenderer renderer = new XYBlockRenderer();
        LookupPaintScale scale = new LookupPaintScale(0, 1.0001, Color.WHITE);
        for (int step = 0; step <= 20; step++) {
            double v = step / 20.0;
            int shade = (int) Math.round(235 - 200 * v);
            scale.add(v, new Color(shade, shade, 255 - (int) Math.round(80 * v)));
        }
        renderer.setPaintScale(scale);
        SymbolAxis predicted = new SymbolAxis("decided class", names);
        String[] reversed = new String[k];
        for (int i = 0; i < k; i++) {
            reversed[i] = names[k - 1 - i];
        }
        SymbolAxis actual = new SymbolAxis("true class", reversed);
        plot.setDataset(data);
        plot.setRenderer(renderer);
        plot.setDomainAxis(predicted);
        plot.setRangeAxis(actual);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, false);
        chart.addSubtitle(new TextTitle(String.format("%d rows, macro-F1 %.3f", report.rows(), report.macroF1())));
        chart.setBackgroundPaint(Color.WHITE);
        return png(chart);
    }

    /** Reliability diagram of the top class: mean confidence against accuracy per bin, the diagonal is perfect. */
    public static byte[] reliability(EvaluationReport report, String title) {
        XYSeries observed = new XYSeries("model");
        for (ReliabilityBin bin : report.reliability()) {
            observed.add(bin.meanConfidence(), bin.accuracy());
        }
        XYSeries perfect = new XYSeries("perfectly calibrated");
        perfect.add(0, 0);
        perfect.add(1, 1);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(observed);
        data.addSeries(perfect);
        JFreeChart chart = ChartFactory.createXYLineChart(
                title,
                "mean predicted probability of the top class",
                "observed frequency",
                data,
                PlotOrientation.VERTICAL,
                true,
                false,
                false);
        chart.addSubtitle(new TextTitle(
                String.format("%d rows, ECE %.4f, Brier %.4f", report.rows(), report.ece(), report.brier())));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, new Color(40, 80, 200));
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        renderer.setSeriesPaint(1, Color.GRAY);
        renderer.setSeriesShapesVisible(1, false);
        renderer.setSeriesStroke(
                1, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 6f}, 0f));
        plot.setRenderer(renderer);
        ((NumberAxis) plot.getDomainAxis()).setRange(0, 1);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 1);
        chart.setBackgroundPaint(Color.WHITE);
        return png(chart);
    }

    /** Horizontal bars of mean |contribution| per request field (global importance), largest on top. */
    public static byte[] importance(Map<String, Double> meanAbsoluteContribution, int rows, String title) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        meanAbsoluteContribution.entrySet().stream()
                .limit(25)
                .forEach(e -> data.addValue(e.getValue(), "mean |contribution|", e.getKey()));
        JFreeChart chart = ChartFactory.createBarChart(
                title,
                "request field",
                "mean |contribution| to the raw score (log-odds)",
                data,
                PlotOrientation.HORIZONTAL,
                false,
                false,
                false);
        chart.addSubtitle(new TextTitle(
                String.format("%d rows, exact TreeSHAP / linear contributions, mean over the four classes", rows)));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, new Color(40, 80, 200));
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        chart.setBackgroundPaint(Color.WHITE);
        return png(chart);
    }

    /** A chart as PNG bytes, {@code width} x {@code height}. */
    public static byte[] png(JFreeChart chart, int width, int height) {
        BufferedImage image = chart.createBufferedImage(width, height);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the chart as PNG", e);
        }
        return out.toByteArray();
    }

    private static byte[] png(JFreeChart chart) {
        return png(chart, WIDTH, HEIGHT);
    }
}
