using KubeTriage.Remediation.Kubectl;

namespace KubeTriage.Remediation.Tests.Kubectl;

public sealed class KubectlTokenizerTests
{
    [Theory]
    [InlineData("kubectl get pods", new[] { "kubectl", "get", "pods" })]
    [InlineData("  kubectl\tget   pods  ", new[] { "kubectl", "get", "pods" })]
    [InlineData("kubectl get 'a b' \"c d\"", new[] { "kubectl", "get", "a b", "c d" })]
    [InlineData("kubectl get a'b'\"c\"d", new[] { "kubectl", "get", "abcd" })]
    [InlineData("kubectl get '$(id);|`x`'", new[] { "kubectl", "get", "$(id);|`x`" })]
    [InlineData("kubectl get \"a\\\"b\\\\c\\$d\"", new[] { "kubectl", "get", "a\"b\\c$d" })]
    [InlineData("kubectl get \"a\\nb\"", new[] { "kubectl", "get", "a\\nb" })]
    [InlineData("kubectl get a\\;b \\|", new[] { "kubectl", "get", "a;b", "|" })]
    [InlineData("kubectl get '' x", new[] { "kubectl", "get", "", "x" })]
    [InlineData("kubectl get 'it'\\''s'", new[] { "kubectl", "get", "it's" })]
    [InlineData("kubectl get a#b", new[] { "kubectl", "get", "a#b" })]
    public void Tokenize_PosixQuoting_SplitsLikeAShell(string line, string[] expected)
        => Assert.Equal(expected, KubectlTokenizer.Tokenize(line));

    [Theory]
    [InlineData("kubectl get pods; ls", "metacharacter ';'")]
    [InlineData("kubectl get pods | sh", "metacharacter '|'")]
    [InlineData("kubectl get pods > x", "metacharacter '>'")]
    [InlineData("kubectl get $(id)", "metacharacter '$'")]
    [InlineData("kubectl get `id`", "metacharacter '`'")]
    [InlineData("kubectl get \"$(id)\"", "inside double quotes")]
    [InlineData("kubectl get \"`id`\"", "inside double quotes")]
    [InlineData("kubectl get pods\nls", "line break")]
    [InlineData("kubectl get 'pods\nls'", "line break")]
    [InlineData("kubectl get \0", "control character")]
    [InlineData("kubectl get 'a\tb'", "control character")]
    [InlineData("kubectl get p\u043eds", "non-ASCII")]
    [InlineData("kubectl get 'x", "not closed")]
    [InlineData("kubectl get \"x", "not closed")]
    [InlineData("kubectl get x\\", "lone backslash")]
    [InlineData("kubectl get # x", "'#'")]
    [InlineData("kubectl get ~/x", "'~'")]
    [InlineData("kubectl get pods*", "'*'")]
    public void Tokenize_ShellSyntax_IsRefusedWithAReason(string line, string reason)
    {
        var ex = Assert.Throws<KubectlRefusedException>(() => KubectlTokenizer.Tokenize(line));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("with space")]
    [InlineData("it's")]
    [InlineData("$(id)")]
    [InlineData("")]
    [InlineData("#x")]
    [InlineData("a\\b\"c")]
    [InlineData("{.items[*].metadata.name}")]
    public void Quote_RoundTrips(string argument)
        => Assert.Equal([argument], KubectlTokenizer.Tokenize(KubectlQuoting.Quote(argument)));
}
