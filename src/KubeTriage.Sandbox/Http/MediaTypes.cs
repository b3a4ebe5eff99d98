namespace KubeTriage.Sandbox.Http;

/// What representation the client asked for in Accept.
internal enum Representation
{
    Object,
    Table,
    PartialObjectMetadata,
}

/// Picks the first Accept entry the sandbox can serve, skipping ones it cannot (aggregated discovery, protobuf).
internal static class MediaTypes
{
    public static Representation Negotiate(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return Representation.Object;
        }

        foreach (var entry in accept.Split(','))
        {
            var parts = entry.Split(';').Select(p => p.Trim()).ToList();
            var type = parts[0];
            if (type is not ("application/json" or "*/*" or "application/*" or "application/yaml"))
            {
                continue;
            }

            var parameters = parts.Skip(1)
                .Select(p => p.Split('=', 2))
                .Where(p => p.Length == 2)
                .ToDictionary(p => p[0].Trim(), p => p[1].Trim());
            if (!parameters.TryGetValue("as", out var asKind))
            {
                return Representation.Object;
            }

            if (parameters.GetValueOrDefault("g") != "meta.k8s.io")
            {
                continue;
            }

            switch (asKind)
            {
                case "Table":
                    return Representation.Table;
                case "PartialObjectMetadata" or "PartialObjectMetadataList":
                    return Representation.PartialObjectMetadata;
            }
        }

        return Representation.Object;
    }
}
