using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace KubeTriage.LoadBench;

/// <summary>The load generator: N concurrent clients POST /analyze for a fixed time, then report throughput and latencies.</summary>
internal static class LoadClient
{
    public static async Task<int> RunAsync(Uri server, string key, int clients, int seconds)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", key);
        var alert = new
        {
            status = "firing",
            labels = new Dictionary<string, string> { ["alertname"] = "KubePodNotReady", ["namespace"] = "shop", ["pod"] = "checkout-d5s22l4s8k-2qbkl", ["severity"] = "warning" },
            fingerprint = "5f0c1d2e3b4a5968",
        };

        // Warm-up: JIT, connection pool and the first collection are not part of the measurement.
        for (var i = 0; i < clients; i++)
        {
            (await http.PostAsJsonAsync("/analyze", alert)).EnsureSuccessStatusCode();
        }

        var latencies = new List<double>[clients];
        var errors = 0;
        var deadline = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            latencies[c] = [];
            while (deadline.Elapsed.TotalSeconds < seconds)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync("/analyze", alert);
                await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[c].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }));
        var elapsed = deadline.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            clients,
            seconds = elapsed,
            requests = all.Length,
            errors,
            throughput = all.Length / elapsed,
            p50_ms = Percentile(all, 0.50),
            p99_ms = Percentile(all, 0.99),
            max_ms = all.Length == 0 ? 0 : all[^1],
        }));
        return 0;
    }

    private static double Percentile(double[] sorted, double p)
        => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
