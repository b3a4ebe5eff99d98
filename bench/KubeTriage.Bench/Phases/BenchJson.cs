using System.Text.Encodings.Web;
using System.Text.Json;

namespace KubeTriage.Bench.Phases;

/// <summary>One set of JSON options for child results and results files.</summary>
internal static class BenchJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };
}
