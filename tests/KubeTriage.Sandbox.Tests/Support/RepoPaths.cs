namespace KubeTriage.Sandbox.Tests.Support;

/// Locates the repository (the folder holding KubeTriage.slnx) from the test binaries.
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string WireFixtures => Path.Combine(Root, "tests", "Fixtures", "k8s-wire");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KubeTriage.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("KubeTriage.slnx not found above " + AppContext.BaseDirectory);
    }
}
