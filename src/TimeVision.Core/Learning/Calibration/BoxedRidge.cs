namespace TimeVision.Core.Learning.Calibration;

/// <summary>The weighted least-squares solver behind <see cref="OperationFactorFit"/>: a ridge towards 1, within a clamp, solved exactly.</summary>
internal static class BoxedRidge
{
    /// <summary>
    /// Minimises Σ w (y − x·β)² + Σ λ<sub>j</sub> (β<sub>j</sub> − 1)² with β in the clamp: the normal equations solved
    /// exactly on the free factors, a factor past the clamp held at it, and one held there let go again when the
    /// objective would fall by moving it inwards (an active-set method; exact for this convex problem).
    /// </summary>
    public static double[] Solve(List<double[]> x, double[] y, double[] w, int n, double shrinkage, double min, double max)
    {
        var (a, b) = NormalEquations(x, y, w, n, shrinkage);
        var beta = new double[n];
        var held = new bool[n];
        for (var step = 0; step < 10 * n; step++)
        {
            var free = Enumerable.Range(0, n).Where(j => !held[j]).ToArray();
            var solved = SolveFree(a, b, beta, free);
            var outside = free.Select((j, i) => (Index: j, Value: solved[i])).Where(p => p.Value < min || p.Value > max).ToList();
            if (outside.Count > 0)
            {
                var worst = outside.MaxBy(p => Math.Max(min - p.Value, p.Value - max));
                (held[worst.Index], beta[worst.Index]) = (true, Math.Clamp(worst.Value, min, max));
                continue;
            }

            for (var i = 0; i < free.Length; i++)
            {
                beta[free[i]] = solved[i];
            }

            // A held factor whose gradient points inwards lowers the objective when let go.
            var release = Enumerable.Range(0, n).FirstOrDefault(j => held[j] && Gradient(a, b, beta, j) * (beta[j] <= min ? 1 : -1) < 0, -1);
            if (release < 0)
            {
                break;
            }

            held[release] = false;
        }

        return beta;
    }

    /// <summary>The weighted normal equations with the ridge towards 1: λ<sub>j</sub> is <paramref name="shrinkage"/> × the mean weight of a part with kind j's minutes.</summary>
    private static (double[,] A, double[] B) NormalEquations(List<double[]> x, double[] y, double[] w, int n, double shrinkage)
    {
        var a = new double[n, n];
        var b = new double[n];
        var samples = new int[n];
        for (var i = 0; i < x.Count; i++)
        {
            for (var j = 0; j < n; j++)
            {
                b[j] += w[i] * x[i][j] * y[i];
                samples[j] += x[i][j] > 0 ? 1 : 0;
                for (var k = 0; k < n; k++)
                {
                    a[j, k] += w[i] * x[i][j] * x[i][k];
                }
            }
        }

        for (var j = 0; j < n; j++)
        {
            var lambda = shrinkage * a[j, j] / Math.Max(1, samples[j]);
            a[j, j] += lambda;
            b[j] += lambda;
        }

        return (a, b);
    }

    /// <summary>The free factors solving the normal equations with the held ones fixed (Gaussian elimination with partial pivoting).</summary>
    private static double[] SolveFree(double[,] a, double[] b, double[] beta, int[] free)
    {
        var m = free.Length;
        var system = new double[m, m + 1];
        for (var r = 0; r < m; r++)
        {
            var rhs = b[free[r]];
            for (var k = 0; k < beta.Length; k++)
            {
                rhs -= free.Contains(k) ? 0 : a[free[r], k] * beta[k];
            }

            for (var c = 0; c < m; c++)
            {
                system[r, c] = a[free[r], free[c]];
            }

            system[r, m] = rhs;
        }

        return GaussianElimination(system, m);
    }

    private static double[] GaussianElimination(double[,] system, int m)
    {
        for (var col = 0; col < m; col++)
        {
            var pivot = Enumerable.Range(col, m - col).MaxBy(r => Math.Abs(system[r, col]));
            for (var c = 0; c <= m; c++)
            {
                (system[col, c], system[pivot, c]) = (system[pivot, c], system[col, c]);
            }

            for (var r = col + 1; r < m; r++)
            {
                var f = system[r, col] / system[col, col];
                for (var c = col; c <= m; c++)
                {
                    system[r, c] -= f * system[col, c];
                }
            }
        }

        var solution = new double[m];
        for (var r = m - 1; r >= 0; r--)
        {
            var sum = system[r, m];
            for (var c = r + 1; c < m; c++)
            {
                sum -= system[r, c] * solution[c];
            }

            solution[r] = sum / system[r, r];
        }

        return solution;
    }

    private static double Gradient(double[,] a, double[] b, double[] beta, int j) =>
        Enumerable.Range(0, beta.Length).Sum(k => a[j, k] * beta[k]) - b[j];
}
