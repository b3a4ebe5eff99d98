using KubeTriage.Core.Snapshots;
using YamlDotNet.RepresentationModel;

namespace KubeTriage.Core.Scenarios;

/// <summary>A scenario's scenario.yaml: what a correct diagnosis must contain (spec section 3).</summary>
public sealed record ScenarioMetadata(
    string Title,
    string? Description,
    IReadOnlyList<ScenarioExpectation> Expect,
    bool ExpectNoRootCause,
    int? MaxRootCauses)
{
    /// <summary>Reads scenario.yaml from a snapshot directory.</summary>
    /// <exception cref="FormatException">The file is missing or malformed; the message names the problem.</exception>
    public static ScenarioMetadata Load(string directory)
    {
        var path = Path.Combine(directory, SnapshotLoader.ScenarioFileName);
        if (!File.Exists(path))
        {
            throw new FormatException($"{path}: not found");
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(path)));
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new FormatException($"{path}:{ex.Start.Line}: {ex.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new FormatException($"{path}: expected a mapping");
        }

        var expect = new List<ScenarioExpectation>();
        if (Child(root, "expect") is YamlSequenceNode items)
        {
            foreach (var item in items.OfType<YamlMappingNode>())
            {
                var category = Scalar(item, "category") ?? throw new FormatException($"{path}: an expectation has no category");
                var resource = Scalar(item, "resource") ?? throw new FormatException($"{path}: expectation {category} has no resource");
                expect.Add(new ScenarioExpectation(category, ObjectRef.Parse(resource)));
            }
        }

        var max = Scalar(root, "maxRootCauses");
        return new ScenarioMetadata(
            Scalar(root, "title") ?? Path.GetFileName(directory),
            Scalar(root, "description"),
            expect,
            Scalar(root, "expectNoRootCause") is "true" or "True",
            max is null ? null : int.Parse(max, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static YamlNode? Child(YamlMappingNode map, string key)
        => map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Scalar(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;
}

/// <summary>One expected root cause: its category and the object it is about.</summary>
public sealed record ScenarioExpectation(string Category, ObjectRef Resource);
