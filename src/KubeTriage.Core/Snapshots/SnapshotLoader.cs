using System.Text.Json;
using System.Text.Json.Nodes;
using KubeTriage.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KubeTriage.Core.Snapshots;

/// <summary>Loads a snapshot directory (spec section 1), including the kubectl cluster-info dump layout.</summary>
public static class SnapshotLoader
{
    /// <summary>The file at a snapshot's root that holds scenario metadata, not cluster objects.</summary>
    public const string ScenarioFileName = "scenario.yaml";

    /// <summary>Reads every YAML/JSON file under the directory; a malformed file becomes a warning naming file and line.</summary>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static SnapshotLoadResult Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"snapshot directory '{directory}' does not exist");
        }

        var root = Path.GetFullPath(directory);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => IsObjectFile(root, f))
            .Order(StringComparer.Ordinal)
            .ToList();

        var warnings = new List<string>();
        var perFile = new List<JsonObject>[files.Count];
        var fileWarnings = new string?[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            perFile[i] = [];
            try
            {
                perFile[i].AddRange(ReadFile(files[i]));
            }
            catch (SnapshotFileException ex)
            {
                fileWarnings[i] = $"{Path.GetRelativePath(root, files[i])}:{ex.Line}: {ex.Message}";
            }
            catch (IOException ex)
            {
                fileWarnings[i] = $"{Path.GetRelativePath(root, files[i])}: {ex.Message}";
            }
        });

        warnings.AddRange(fileWarnings.OfType<string>());
        var objects = perFile.SelectMany(list => list).Select(o => new KubeObject(o)).ToList();
        var logs = ContainerLogReader.Read(root, objects, warnings);
        return new SnapshotLoadResult(new ClusterState(objects, logs, "snapshot:" + directory), warnings, files.Count);
    }

    private static bool IsObjectFile(string root, string file)
    {
        var ext = Path.GetExtension(file).ToLowerInvariant();
        if (ext is not (".yaml" or ".yml" or ".json"))
        {
            return false;
        }

        return !string.Equals(Path.GetRelativePath(root, file), ScenarioFileName, StringComparison.Ordinal);
    }

    private static IEnumerable<JsonObject> ReadFile(string file)
    {
        var text = File.ReadAllText(file);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        return Path.GetExtension(file).Equals(".json", StringComparison.OrdinalIgnoreCase) && text.TrimStart().StartsWith('{')
            ? ReadJson(text)
            : ReadYaml(text);
    }

    private static IEnumerable<JsonObject> ReadJson(string text)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new SnapshotFileException((ex.LineNumber ?? 0) + 1, "invalid JSON: " + FirstSentence(ex.Message));
        }

        return ObjectFlattener.Flatten(node).ToList();
    }

    private static IEnumerable<JsonObject> ReadYaml(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new SnapshotFileException(ex.Start.Line, "invalid YAML: " + (ex.InnerException?.Message ?? ex.Message));
        }

        return stream.Documents.SelectMany(d => ObjectFlattener.Flatten(YamlToJson.Convert(d.RootNode))).ToList();
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd('.', ' ') : message;
    }
}
