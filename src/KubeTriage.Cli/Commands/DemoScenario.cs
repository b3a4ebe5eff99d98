using System.Reflection;

namespace KubeTriage.Cli.Commands;

/// <summary>The broken scenario built into the binary (embedded from scenarios/), so the demo needs no files.</summary>
internal static class DemoScenario
{
    private const string Prefix = "DemoScenario/";

    public const string Title = "the shop's checkout API is down";

    public static string ExtractTo(string directory)
    {
        var assembly = typeof(DemoScenario).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var target = Path.Combine(directory, name[Prefix.Length..].Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var source = assembly.GetManifestResourceStream(name)!;
            using var file = File.Create(target);
            source.CopyTo(file);
        }

        return directory;
    }
}
