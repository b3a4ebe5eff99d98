namespace KubeTriage.Remediation.Actions;

/// <summary>Polls a check until it gives a final answer or the deadline passes; never sleeps past the deadline.</summary>
internal static class Polling
{
    /// <summary>One look at the cluster: a final result, or what is still awaited.</summary>
    public readonly record struct Probe(VerificationResult? Final, string Waiting)
    {
        public static Probe Done(string message) => new(new VerificationResult(VerificationStatus.Succeeded, message), "");

        public static Probe Fail(string message) => new(new VerificationResult(VerificationStatus.Failed, message), "");

        public static Probe Wait(string waiting) => new(null, waiting);
    }

    public static async Task<VerificationResult> UntilAsync(Func<CancellationToken, Task<Probe>> check, VerifyOptions? options, CancellationToken cancellationToken)
    {
        options ??= new VerifyOptions();
        var clock = options.Clock;
        var deadline = clock.GetUtcNow() + options.Timeout;
        while (true)
        {
            var probe = await check(cancellationToken).ConfigureAwait(false);
            if (probe.Final is { } final)
            {
                return final;
            }

            var left = deadline - clock.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return new VerificationResult(VerificationStatus.TimedOut, $"timed out after {options.Timeout.TotalSeconds:0.#}s: {probe.Waiting}");
            }

            await Task.Delay(left < options.PollInterval ? left : options.PollInterval, clock, cancellationToken).ConfigureAwait(false);
        }
    }
}
