namespace KubeTriage.Core.Analysis;

/// <summary>Turns the objects, events and logs of a cluster into findings.</summary>
/// <remarks>Implementations must not throw for a malformed object; the engine still guards each analyzer.</remarks>
public interface IAnalyzer
{
    /// <summary>Gets the analyzer's name (see <see cref="AnalyzerNames"/>).</summary>
    string Name { get; }

    /// <summary>Adds this analyzer's findings to the context.</summary>
    void Analyze(AnalysisContext context);
}
