using System.Text.Json;
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
        var files = Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Where(f => IsObjectFile(root, f))
            .Order(StringComparer.Ordinal)
            .ToList();

        var warnings = new List<string>();
        var perFile = new List<KubeObject>[files.Count];
        var fileWarnings = new string?[files.Count];
        // Biggest files first, handed out one at a time: two 100 MiB lists must not land on the same core.
        var largestFirst = Enumerable.Range(0, files.Count).OrderByDescending(i => new FileInfo(files[i]).Length).ToList();
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(largestFirst, System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering), i =>
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
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                fileWarnings[i] = $"{Path.GetRelativePath(root, files[i])}: {ex.Message}";
            }
        });

        warnings.AddRange(fileWarnings.OfType<string>());
        var objects = perFile.SelectMany(list => list).ToList();
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

    private static IEnumerable<KubeObject> ReadFile(string file)
    {
        var bytes = File.ReadAllBytes(file);
        var text = bytes.AsSpan().TrimStart(" \t\r\n"u8);
        if (text.IsEmpty)
        {
            return [];
        }

        // JSON stays in its UTF-8 buffer (JsonDocument, never materialized as nodes): the big-cluster path.
        return Path.GetExtension(file).Equals(".json", StringComparison.OrdinalIgnoreCase) && text[0] == (byte)'{'
            ? ReadJson(bytes)
            : ReadYaml(System.Text.Encoding.UTF8.GetString(bytes));
    }

    private static List<KubeObject> ReadJson(byte[] utf8)
    {
        JsonDocument document;
        try
        {
            // Not disposed on purpose: the objects keep pointing into this document for the life of the diagnosis.
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new SnapshotFileException((ex.LineNumber ?? 0) + 1, "invalid JSON: " + FirstSentence(ex.Message));
        }

        return [.. ObjectFlattener.Flatten(document.RootElement)];
    }

    private static List<KubeObject> ReadYaml(string text)
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

        return [.. stream.Documents.SelectMany(d => ObjectFlattener.Flatten(JsonSerializer.SerializeToElement(YamlToJson.Convert(d.RootNode))))];
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        return cut > 0 ? message[..cut].TrimEnd('.', ' ') : message;
    }
}
