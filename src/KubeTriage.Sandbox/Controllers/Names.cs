using System.Text;

namespace KubeTriage.Sandbox.Controllers;

/// Name suffixes the way the apiserver (generateName) and the controllers (pod-template-hash) make them.
internal static class Names
{
    // k8s.io/apimachinery/pkg/util/rand: no vowels and no confusable characters.
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string RandomSuffix()
    {
        var builder = new StringBuilder(5);
        for (var i = 0; i < 5; i++)
        {
            builder.Append(Alphabet[Random.Shared.Next(Alphabet.Length)]);
        }

        return builder.ToString();
    }

    /// <summary>A stable short hash of a pod template (FNV-1a), spelled in the same alphabet.</summary>
    public static string TemplateHash(string templateJson)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(templateJson))
        {
            hash = (hash ^ b) * 16777619u;
        }

        var builder = new StringBuilder();
        do
        {
            builder.Append(Alphabet[(int)(hash % (uint)Alphabet.Length)]);
            hash /= (uint)Alphabet.Length;
        }
        while (hash > 0);
        return builder.ToString();
    }
}
