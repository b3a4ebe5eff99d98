namespace KubeTriage.Kubernetes.Tests.Infrastructure;

/// <summary>Finds tests/Fixtures/k8s-wire by walking up to the folder holding KubeTriage.slnx.</summary>
internal static class WireFixtures
{
    private static readonly Lazy<string> _directory = new(Locate);

    public static string Directory => _directory.Value;

    public static RecordedExchange Load(string name) => RecordedExchange.Load(Path.Combine(Directory, name));

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KubeTriage.slnx")))
            {
                return Path.Combine(dir.FullName, "tests", "Fixtures", "k8s-wire");
            }
        }

        throw new InvalidOperationException($"KubeTriage.slnx not found above {AppContext.BaseDirectory}");
    }
}
