package aero.severity.ml.model;

import java.util.Arrays;

import aero.severity.ml.serving.Softmax;

/**
 * Vector scaling of the log-probabilities: {@code q = softmax(scale * log p + bias)}. One scale (a
 * temperature) corrects over- or under-confidence; the per-class bias undoes the shift that class
 * weights put into training and brings the class frequencies back to those of the calibration
 * period. Monotone in each class's log-odds, so it never reorders one class's rows (its ROC-AUC is
 * unchanged). Fitted by Newton's method on the negative log-likelihood, which is convex in the
 * parameters. {@code bias[NONE]} is fixed at 0 (only differences matter).
 */
public record Calibration(double scale, double[] bias) {

    /** Floor for the log of a raw probability: XGBoost can return a hard 0 in float. */
    private static final double P_FLOOR = 1e-12;

    public Calibration {
        bias = bias.clone();
    }

    public static Calibration identity(int classes) {
        return new Calibration(1.0, new double[classes]);
    }

    public double[] apply(double[] raw) {
        double[] z = new double[raw.length];
        for (int k = 0; k < raw.length; k++) {
            z[k] = scale * Math.log(Math.max(P_FLOOR, raw[k])) + bias[k];
        }
        return Softmax.inPlace(z);
    }

    public double[][] apply(double[][] raw) {
        double[][] result = new double[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            result[i] = apply(raw[i]);
        }
        return result;
    }

    /** Fits scale and bias to minimise the log-loss of {@code raw} against {@code truth}. */
    public static Calibration fit(double[][] raw, int[] truth) {
        int classes = raw[0].length;
        int params = classes; // scale + (classes - 1) biases
        double[] theta = new double[params];
        theta[0] = 1.0;
        double loss = loss(raw, truth, theta);
        for (int iteration = 0; iteration < 100; iteration++) {
            double[] gradient = new double[params];
            double[][] hessian = new double[params][params];
            for (int i = 0; i < raw.length; i++) {
                double[] q = calibrated(raw[i], theta);
                double[][] jacobian = jacobian(raw[i]);
                for (int k = 0; k < classes; k++) {
                    double residual = q[k] - (truth[i] == k ? 1 : 0);
                    for (int a = 0; a < params; a++) {
                        gradient[a] += residual * jacobian[k][a];
                    }
                }
                // J^T (diag(q) - q q^T) J
                double[] qj = new double[params];
                for (int k = 0; k < classes; k++) {
                    for (int a = 0; a < params; a++) {
                        qj[a] += q[k] * jacobian[k][a];
                    }
                }
                for (int k = 0; k < classes; k++) {
                    for (int a = 0; a < params; a++) {
                        for (int b = 0; b < params; b++) {
                            hessian[a][b] += q[k] * jacobian[k][a] * jacobian[k][b];
                        }
                    }
                }
                for (int a = 0; a < params; a++) {
                    for (int b = 0; b < params; b++) {
                        hessian[a][b] -= qj[a] * qj[b];
                    }
                }
            }
            for (int a = 0; a < params; a++) {
                hessian[a][a] += 1e-6 * raw.length;
            }
            double[] step = solve(hessian, gradient);
            double t = 1.0;
            double[] candidate = theta;
            double candidateLoss = loss;
            while (t > 1e-6) {
                candidate = new double[params];
                for (int a = 0; a < params; a++) {
                    candidate[a] = theta[a] - t * step[a];
                }
                candidateLoss = loss(raw, truth, candidate);
                if (candidateLoss <= loss) {
                    break;
                }
                t /= 2;
            }
            if (candidateLoss > loss) {
                break;
            }
            double improvement = loss - candidateLoss;
            theta = candidate;
            loss = candidateLoss;
            if (improvement < 1e-10 * raw.length) {
                break;
            }
        }
        return of(theta, classes);
    }

    private static Calibration of(double[] theta, int classes) {
        double[] bias = new double[classes];
        System.arraycopy(theta, 1, bias, 0, classes - 1);
        return new Calibration(theta[0], bias);
    }

    private static double[] calibrated(double[] raw, double[] theta) {
        return of(theta, raw.length).apply(raw);
    }

    /** dz_k / d(theta): z_k = scale * log p_k + bias_k, with bias of the last class fixed at 0. */
    private static double[][] jacobian(double[] raw) {
        int classes = raw.length;
        double[][] jacobian = new double[classes][classes];
        for (int k = 0; k < classes; k++) {
            jacobian[k][0] = Math.log(Math.max(P_FLOOR, raw[k]));
            if (k < classes - 1) {
                jacobian[k][k + 1] = 1;
            }
        }
        return jacobian;
    }

    private static double loss(double[][] raw, int[] truth, double[] theta) {
        Calibration calibration = of(theta, raw[0].length);
        double sum = 0;
        for (int i = 0; i < raw.length; i++) {
            sum -= Math.log(Math.max(1e-300, calibration.apply(raw[i])[truth[i]]));
        }
        return sum;
    }

    /** Gaussian elimination with partial pivoting; the system is tiny (one row per parameter). */
    private static double[] solve(double[][] matrix, double[] vector) {
        int n = vector.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = Arrays.copyOf(matrix[i], n + 1);
            a[i][n] = vector[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            if (Math.abs(a[col][col]) < 1e-300) {
                return new double[n];
            }
            for (int row = col + 1; row < n; row++) {
                double factor = a[row][col] / a[col][col];
                for (int c = col; c <= n; c++) {
                    a[row][c] -= factor * a[col][c];
                }
            }
        }
        double[] x = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double s = a[row][n];
            for (int c = row + 1; c < n; c++) {
                s -= a[row][c] * x[c];
            }
            x[row] = s / a[row][row];
        }
        return x;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Calibration c && c.scale == scale && Arrays.equals(c.bias, bias);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(scale) + Arrays.hashCode(bias);
    }

    @Override
    public String toString() {
        return "Calibration[scale=" + scale + ", bias=" + Arrays.toString(bias) + "]";
    }
}
