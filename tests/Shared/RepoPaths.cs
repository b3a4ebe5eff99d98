namespace KubeTriage.Tests.Shared;

/// <summary>Finds folders of the repository from the test's output directory.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Scenarios => Path.Combine(Root, "scenarios");

    public static string WireFixtures => Path.Combine(Root, "tests", "Fixtures", "k8s-wire");

    public static IEnumerable<string> ScenarioNames()
        => Directory.EnumerateDirectories(Scenarios).Where(d => File.Exists(Path.Combine(d, "scenario.yaml"))).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KubeTriage.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("KubeTriage.slnx not found above " + AppContext.BaseDirectory);
    }
}
