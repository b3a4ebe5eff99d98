using System.Text;

namespace KubeTriage.Bench.Generator;

/// <summary>Writes the previous-instance logs of crash-looping containers: a Python traceback, or a JVM cut off by the OOM killer.</summary>
internal sealed class LogFactory(CaptureClock clock)
{
    private static readonly IReadOnlyList<(string Code, string Error)> Failures =
    [
        ("retention_days = int(os.environ[\"RETENTION_DAYS\"])", "ValueError: invalid literal for int() with base 10: '30d'"),
        ("provider_url = os.environ[\"PAYMENT_PROVIDER_URL\"]", "KeyError: 'PAYMENT_PROVIDER_URL'"),
        ("batch_size = settings[\"worker\"][\"batch_size\"]", "KeyError: 'worker'"),
        ("timeout = float(os.environ.get(\"UPSTREAM_TIMEOUT\", \"2.5s\"))", "ValueError: could not convert string to float: '2.5s'"),
    ];

    public string PreviousLog(WorkloadPlan plan, double finishedAgo)
        => plan.Fault == FaultKind.OomKilled ? JvmLog(plan, finishedAgo) : PythonTraceback(plan, finishedAgo);

    private string PythonTraceback(WorkloadPlan plan, double finishedAgo)
    {
        var module = plan.Name.Replace('-', '_');
        var (code, error) = Failures[Math.Abs(StableHash(plan.Name)) % Failures.Count];
        var t = Stamp(finishedAgo + 2);
        var sb = new StringBuilder();
        sb.Append(t).Append(" INFO [").Append(module).Append("] starting ").Append(plan.Name).Append(' ').Append(plan.Image[(plan.Image.LastIndexOf(':') + 1)..]).Append('\n');
        sb.Append(t).Append(" INFO [").Append(module).Append("] loading settings from environment\n");
        sb.Append("Traceback (most recent call last):\n");
        sb.Append("  File \"<frozen runpy>\", line 198, in _run_module_as_main\n");
        sb.Append("  File \"<frozen runpy>\", line 88, in _run_code\n");
        sb.Append("  File \"/app/").Append(module).Append("/__main__.py\", line 7, in <module>\n");
        sb.Append("    from ").Append(module).Append(".app import create_app\n");
        sb.Append("  File \"/app/").Append(module).Append("/app.py\", line 12, in <module>\n");
        sb.Append("    from ").Append(module).Append(" import settings\n");
        sb.Append("  File \"/app/").Append(module).Append("/settings.py\", line 41, in <module>\n");
        sb.Append("    ").Append(code).Append('\n');
        sb.Append(error).Append('\n');
        return sb.ToString();
    }

    private string JvmLog(WorkloadPlan plan, double finishedAgo)
    {
        var started = finishedAgo + 60;
        var sb = new StringBuilder();
        sb.Append("Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=75.0 -XX:+UseG1GC\n");
        sb.Append(Stamp(started)).Append("  INFO 1 --- [").Append(plan.Name).Append("] [main] c.a.").Append(plan.Name.Replace("-", "", StringComparison.Ordinal)).Append(".Application : Starting Application v")
            .Append(plan.Image[(plan.Image.LastIndexOf(':') + 1)..]).Append(" using Java 21.0.5 with PID 1\n");
        sb.Append(Stamp(started - 8)).Append("  INFO 1 --- [").Append(plan.Name).Append("] [main] o.s.b.w.embedded.tomcat.TomcatWebServer  : Tomcat started on port 8080 (http) with context path '/'\n");
        sb.Append(Stamp(started - 9)).Append("  INFO 1 --- [").Append(plan.Name).Append("] [main] c.a.Application : Started Application in 9.214 seconds\n");
        sb.Append(Stamp(started - 20)).Append("  INFO 1 --- [").Append(plan.Name).Append("] [batch-1] c.a.batch.ExportJob : loading 1840000 rows for nightly export\n");
        return sb.ToString();
    }

    private string Stamp(double ago) => clock.At(ago).Replace('T', ' ').TrimEnd('Z');

    // string.GetHashCode is randomised per process; the snapshot must not be.
    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash == int.MinValue ? 0 : hash;
    }
}
